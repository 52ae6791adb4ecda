-- Preview search ("q" on /api/v1/preview/articles) also finds drafts and unpublished articles,
-- which the public search index (published only) leaves out. This partial index holds just those,
-- so preview search reads two indexes instead of the whole table.
--
-- Built plainly, not CONCURRENTLY: Flyway runs a concurrent build outside its lock, and with two
-- instances migrating at once it deadlocks against the one waiting for that lock. The build reads the
-- table once and indexes only the unpublished rows; at a million articles it holds writes back for
-- a few seconds, once, during the deploy.
create index article_search_unpublished_idx on article using gin (search_vector)
    where status in ('draft', 'unpublished');
