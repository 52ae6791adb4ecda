-- Masthead benchmark data generator, part 3 of 3: article indexes, bylines, ANALYZE, cleanup.

\set ON_ERROR_STOP on
\timing on
set maintenance_work_mem = '512MB';
set max_parallel_maintenance_workers = 2;

select def from bench.index \gexec

-- 1 author (70%), 2 (22%) or 3 (8%); distinct because the step is 1..99 out of 200.
insert into article_author (article_id, position, author_id)
select md5('article-' || g.i)::uuid,
       p.pos,
       md5('author-' || (1 + (floor(g.r_auth1 * 200)::int + p.pos * (1 + floor(g.r_authstep * 99)::int)) % 200))::uuid
from bench.gen g
cross join lateral generate_series(0, case when g.r_nauth < 0.70 then 0 when g.r_nauth < 0.92 then 1 else 2 end) p(pos);

drop schema bench cascade;

vacuum analyze section;
vacuum analyze author;
vacuum analyze copyright_notice;
vacuum analyze article;
vacuum analyze article_author;

select count(*) filter (where status = 'published') as published,
       count(*) filter (where status = 'draft') as drafts,
       (select count(*) from article_author) as article_authors
from article;
