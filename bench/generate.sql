-- Masthead benchmark data generator.
--
--   psql -v n=100000 -f bench/generate.sql
--
-- Fills exactly the tables Flyway created (section, author, copyright_notice, article,
-- article_author) with deterministic data: a fixed seed (setseed(0.42)), ids derived from
-- md5 of a counter, and every random choice made in one serial pass. Only the absolute
-- timestamps move: they are relative to the day the script runs (midnight UTC), so
-- "published in the past" stays true and the ordering is the same on every run.
--
-- Re-runnable: it truncates every content table first. Whole run is one transaction.

\set ON_ERROR_STOP on
\if :{?n}
\else
  \echo 'usage: psql -v n=<articles> -f bench/generate.sql'
  \quit
\endif

\timing on
begin;

-- A parallel plan would evaluate random() in several processes: keep the order fixed.
set local max_parallel_workers_per_gather = 0;
set local synchronous_commit = off;
set local work_mem = '64MB';
set local maintenance_work_mem = '512MB';

truncate article_author, article_slug_redirect, article_revision, article, author, section, copyright_notice;

select setseed(0.42);

-- The anchor every timestamp is measured back from.
create temp table bench_anchor on commit drop as
select date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' as t0;

-- ---------------------------------------------------------------- sections: 4 top-level x 4 children
insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
select md5('section-' || top.slug)::uuid, top.slug, top.name, top.name || ' coverage', null, top.pos,
       (select t0 from bench_anchor) - interval '4 years', (select t0 from bench_anchor) - interval '4 years'
from (values (0, 'news', 'News'), (1, 'sport', 'Sport'), (2, 'culture', 'Culture'), (3, 'business', 'Business'))
     as top(pos, slug, name);

insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
select md5('section-' || c.slug)::uuid, c.slug, c.name, c.name || ' coverage', md5('section-' || c.parent)::uuid, c.pos,
       (select t0 from bench_anchor) - interval '4 years', (select t0 from bench_anchor) - interval '4 years'
from (values
        ('news', 0, 'politics', 'Politics'), ('news', 1, 'world', 'World'),
        ('news', 2, 'local', 'Local'), ('news', 3, 'science', 'Science'),
        ('sport', 0, 'football', 'Football'), ('sport', 1, 'tennis', 'Tennis'),
        ('sport', 2, 'cycling', 'Cycling'), ('sport', 3, 'athletics', 'Athletics'),
        ('culture', 0, 'film', 'Film'), ('culture', 1, 'music', 'Music'),
        ('culture', 2, 'books', 'Books'), ('culture', 3, 'theatre', 'Theatre'),
        ('business', 0, 'markets', 'Markets'), ('business', 1, 'technology', 'Technology'),
        ('business', 2, 'economy', 'Economy'), ('business', 3, 'energy', 'Energy'))
     as c(parent, pos, slug, name);

-- Sections numbered 1..20 in a fixed order, for picking one per article.
create temp table bench_section on commit drop as
select row_number() over (order by slug) as k, id from section;

-- ---------------------------------------------------------------- authors: 200
create temp table bench_names on commit drop as
select array['Anna','Ben','Clara','David','Elena','Farid','Grace','Hugo','Ines','Jonas','Kira','Luis','Maya',
             'Nils','Olga','Pavel','Rosa','Sami','Tara','Umar','Vera','Wim','Yara','Zoe','Aiko']::text[] as first,
       array['Adler','Berg','Costa','Dahl','Eriksen','Fischer','Garcia','Hansen','Ito','Jensen','Kowalski',
             'Lindqvist','Moreau','Novak','Okafor','Petrov','Quinn','Rossi','Silva','Tanaka','Ulrich','Varga',
             'Weber','Yilmaz','Zimmer']::text[] as last,
       array['Reporter','Senior reporter','Correspondent','Editor','Columnist','Data journalist','Critic']::text[] as job;

insert into author (id, slug, name, job_title, bio, avatar_url, email, created_at, modified_at)
select md5('author-' || i)::uuid,
       'author-' || lpad(i::text, 3, '0'),
       nm.first[1 + (i - 1) % 25] || ' ' || nm.last[1 + ((i - 1) / 8 + i * 7) % 25],
       nm.job[1 + floor(random() * 7)::int],
       'Writes about the newsroom''s beat number ' || i || '.',
       'https://images.example.org/authors/' || i || '.jpg',
       'author' || i || '@example.org',
       (select t0 from bench_anchor) - interval '4 years',
       (select t0 from bench_anchor) - interval '4 years'
from generate_series(1, 200) i, bench_names nm;

-- ---------------------------------------------------------------- one default copyright notice
insert into copyright_notice (id, holder, year, statement, usage_terms, syndication, is_default, created_at, modified_at)
values (md5('copyright-default')::uuid, 'Masthead Bench Media', 2026, 'All rights reserved.',
        'Not for redistribution.', 'none', true,
        (select t0 from bench_anchor) - interval '4 years', (select t0 from bench_anchor) - interval '4 years');

-- ---------------------------------------------------------------- 4000 sentences to build text from
create temp table bench_words on commit drop as
select array['the city council','a regional court','the national bank','local residents','the ministry of health',
             'a group of researchers','the football club','the opposition party','the transport authority',
             'a coalition of farmers','the museum board','the energy regulator','union representatives',
             'the mayor','a panel of experts','the school district','investors','the harbour authority',
             'the festival organisers','a team of engineers','the police','environmental groups',
             'the chamber of commerce','hospital staff','the university','the weather service',
             'small business owners','the national team','the central government','local librarians']::text[] as subj,
       array['approved','rejected','announced','questioned','postponed','defended','unveiled','criticised',
             'welcomed','reviewed','delayed','expanded','funded','challenged','confirmed','debated','launched',
             'cancelled','supported','investigated','published','extended','reduced','proposed','praised']::text[] as verb,
       array['a new budget for the coming year','plans for a second bridge','the proposed tax changes',
             'a long-awaited report on air quality','the renovation of the old station','a pilot programme for night buses',
             'new rules for short-term rentals','the merger of two regional hospitals','an agreement on wages',
             'the schedule for the spring season','a study of rising rents','the closure of a coal plant',
             'a plan to plant ten thousand trees','the results of the annual survey','a strategy for flood defences',
             'the design of the new library','an investigation into late trains','a programme of free concerts',
             'the expansion of the wind farm','emergency funding for schools','a review of parking fees',
             'the contract for the new stadium','a bid to host the championship','changes to opening hours',
             'a report on water quality']::text[] as obj,
       array['on Tuesday','after months of debate','despite strong objections','in a narrow vote',
             'following a public consultation','at a press conference','late on Friday evening',
             'according to officials','in a statement released this morning','ahead of the summer',
             'for the third time this year','after a heated meeting','citing rising costs',
             'amid growing pressure','with broad support','in a surprise move','before the deadline',
             'at the end of a long session','according to documents seen by this newspaper','without further comment']::text[] as tail,
       array['Critics said the decision came too late.','Supporters called it a turning point.',
             'Further details are expected next week.','The figures have not been independently verified.',
             'Officials declined to say how much it would cost.','Several residents attended the meeting.',
             'The proposal now goes to a second reading.','It is the first such move in a decade.',
             'Analysts expect the debate to continue.','A spokesperson promised an update within days.']::text[] as coda;

-- A table, not an array: subscripting a large array would de-TOAST all of it on every access.
create temp table bench_sentence on commit drop as
select x.i, x.s
from (
    select i,
           upper(substr(subj, 1, 1)) || substr(subj, 2) || ' ' || verb || ' ' || obj || ' ' || tail || '.'
               || case when r < 0.35 then ' ' || coda else '' end as s
    from (
        select i,
               w.subj[1 + floor(random() * 30)::int] as subj,
               w.verb[1 + floor(random() * 25)::int] as verb,
               w.obj[1 + floor(random() * 25)::int] as obj,
               w.tail[1 + floor(random() * 20)::int] as tail,
               w.coda[1 + floor(random() * 10)::int] as coda,
               random() as r
        from generate_series(1, 4000) i, bench_words w
    ) parts
) x;
alter table bench_sentence add primary key (i);
analyze bench_sentence;

create temp table bench_tags on commit drop as
select array['election','budget','climate','transport','housing','health','education','football','tennis',
             'cycling','olympics','film','music','books','theatre','markets','startups','energy','inflation',
             'jobs','courts','police','science','space','weather','europe','asia','africa','americas','trade',
             'art','food','travel','opinion','analysis','interview','data','investigation','local','obituary']::text[] as t;

-- ---------------------------------------------------------------- articles
-- Every random number an article needs, drawn once per article in one serial pass.
create temp table bench_gen on commit drop as
select i,
       random() as r_status,      -- < 0.9: published
       random() as r_when,        -- position in the 3-year window
       random() as r_section,
       random() as r_nauth,
       random() as r_auth1,
       random() as r_authstep,
       random() as r_npara,
       random() as r_size,
       random() as r_updated,
       random() as r_created,
       random() as r_ntags,
       random() as r_head
from generate_series(1, :n) i;

insert into article (id, slug, headline, summary, body, section_id, copyright_notice_id, tags, status,
                     published_at, updated_at, embargoed_until, updates, revision,
                     created_at, created_by, modified_at, modified_by, trashed_at)
select md5('article-' || g.i)::uuid,
       'bench-article-' || lpad(g.i::text, 6, '0'),
       w.subj2 || ' ' || w.verb2 || ' ' || w.obj2,
       (select s from bench_sentence where i = 1 + (g.i * 7919) % 4000),
       body.b,
       sec.id,
       md5('copyright-default')::uuid,
       coalesce(tg.t, '{}'),
       case when g.r_status < 0.9 then 'published' else 'draft' end,
       ts.published_at,
       case when g.r_status < 0.9 and g.r_updated < 0.2
            then ts.published_at + (g.r_updated * 5) * (ts.age / 10) end,  -- strictly before the anchor
       null,
       '[]'::jsonb,
       case when g.r_status < 0.9 then 2 else 1 end,
       ts.created_at,
       'bench-generator',
       greatest(ts.created_at, ts.published_at,
                case when g.r_status < 0.9 and g.r_updated < 0.2
                     then ts.published_at + (g.r_updated * 5) * (ts.age / 10) end),
       'bench-generator',
       null
from bench_gen g
cross join bench_anchor an
join bench_section sec on sec.k = 1 + floor(g.r_section * 20)::int
cross join lateral (
    select an.t0 - g.r_when * interval '1095 days' - interval '1 minute' as at,
           g.r_when * interval '1095 days' + interval '1 minute' as age
) base
cross join lateral (
    select case when g.r_status < 0.9 then base.at end as published_at,
           base.at - g.r_created * interval '2 days' as created_at,
           base.age as age
) ts
cross join lateral (
    select upper(substr(x.subj[1 + floor(g.r_head * 30)::int], 1, 1)) || substr(x.subj[1 + floor(g.r_head * 30)::int], 2) as subj2,
           x.verb[1 + (g.i * 31) % 25] as verb2,
           x.obj[1 + (g.i * 17) % 25] as obj2
    from bench_words x
) w
cross join lateral (
    -- 5..12 paragraphs; sentences per paragraph sized so the body is ~3-6 KB.
    select jsonb_agg(jsonb_build_object('type', 'paragraph', 'text', p.text) order by p.k) as b
    from (
        select k,
               (select string_agg(bs.s, ' ' order by j.n)
                from (select n, 1 + floor(random() * 4000)::int as idx
                      from generate_series(1, greatest(1, round((3000 + g.r_size * 3000) / (5 + floor(g.r_npara * 8)) / 110
                                                                + (random() - 0.5) + 0 * k)::int)) n) j
                join bench_sentence bs on bs.i = j.idx) as text
        from generate_series(1, 5 + floor(g.r_npara * 8)::int) k
    ) p
) body
cross join lateral (
    select array_agg(distinct t.t[1 + floor(random() * 40)::int]) as t
    from bench_tags t, generate_series(1, floor(g.r_ntags * 5)::int + 0 * g.i) n
) tg;

-- 1 author (70%), 2 (22%) or 3 (8%); distinct because the step is 1..99 out of 200.
insert into article_author (article_id, position, author_id)
select md5('article-' || g.i)::uuid,
       p.pos,
       md5('author-' || (1 + (floor(g.r_auth1 * 200)::int + p.pos * (1 + floor(g.r_authstep * 99)::int)) % 200))::uuid
from bench_gen g
cross join lateral generate_series(0, case when g.r_nauth < 0.70 then 0 when g.r_nauth < 0.92 then 1 else 2 end) p(pos);

commit;

analyze section;
analyze author;
analyze copyright_notice;
analyze article;
analyze article_author;

-- Cheap summary only: bench/run.sh measures bodies after the timed load.
select count(*) filter (where status = 'published') as published,
       count(*) filter (where status = 'draft') as drafts,
       (select count(*) from article_author) as article_authors
from article;
