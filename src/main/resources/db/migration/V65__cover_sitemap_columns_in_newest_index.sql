-- A monthly sitemap lists up to 50,000 public articles of one month: slug and lastmod, read in
-- the order of article_public_newest_idx. Their rows are spread over the whole table (articles
-- of a month are written among those of every other month's corrections and updates), so without
-- the columns in the index every one of them is a random read of a table page: at a million
-- articles, 1.9-2.2 s for a month whose pages were not in memory (bench/results/*-sitemap-n1000000.md).
-- Carried in the index, the month is one index-only range scan: ~0.5 s cold.
--
-- The same index as before, with the same name and key (the public list's keyset scan and
-- QueryPlanTest rely on both); headline is carried for the news sitemap's statement, which shares
-- the sitemap's select list, and visible_from for the visibility predicate.
drop index article_public_newest_idx;
create index article_public_newest_idx on article (published_at desc, id desc)
    include (slug, headline, updated_at, visible_from) where status = 'published';
