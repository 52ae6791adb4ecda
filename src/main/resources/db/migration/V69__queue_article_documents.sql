-- Every published article of an existing database gets its documents from the render queue,
-- newest first (what readers ask for first). Reading the article table takes no lock that blocks
-- its writers; the inserts go to a table no one else uses yet. Until its turn comes, an article
-- is served by a fresh render, as before.
insert into article_render_queue (article_id, cause)
select id, 'upgrade' from article where status = 'published' order by published_at desc, id desc;
