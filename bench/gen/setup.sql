-- Masthead benchmark data generator, part 1 of 3: everything but the articles.
-- See bench/generate.sql (one session) and bench/run.sh (articles in parallel sessions).
--
-- Helper tables live in the schema "bench" (unlogged, visible to the parallel sessions of
-- part 2), and bench/gen/finish.sql drops it. Every random() draw happens here, in one serial
-- pass after setseed(0.42); parts 2 and 3 are deterministic functions of these tables, so the
-- data is the same whether the articles are inserted by one session or several.

\set ON_ERROR_STOP on
\timing on
begin;
set local max_parallel_workers_per_gather = 0;
set local work_mem = '64MB';

truncate article_author, article_slug_redirect, article_revision, article, author, section,
         copyright_notice_partner, copyright_notice cascade; -- cascade: the tables that reference them (previews, collections, feeds) are empty in a fresh bench database
drop schema if exists bench cascade;
create schema bench;

select setseed(0.42);

-- The anchor every timestamp is measured back from.
create unlogged table bench.anchor as
select date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' as t0;

-- ---------------------------------------------------------------- sections: 4 top-level x 4 children
insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
select md5('section-' || top.slug)::uuid, top.slug, top.name, top.name || ' coverage', null, top.pos,
       (select t0 from bench.anchor) - interval '4 years', (select t0 from bench.anchor) - interval '4 years'
from (values (0, 'news', 'News'), (1, 'sport', 'Sport'), (2, 'culture', 'Culture'), (3, 'business', 'Business'))
     as top(pos, slug, name);

insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
select md5('section-' || c.slug)::uuid, c.slug, c.name, c.name || ' coverage', md5('section-' || c.parent)::uuid, c.pos,
       (select t0 from bench.anchor) - interval '4 years', (select t0 from bench.anchor) - interval '4 years'
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
create unlogged table bench.section as
select row_number() over (order by slug) as k, id from section;

-- ---------------------------------------------------------------- authors: 200
create unlogged table bench.names as
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
       (select t0 from bench.anchor) - interval '4 years',
       (select t0 from bench.anchor) - interval '4 years'
from generate_series(1, 200) i, bench.names nm;

-- ---------------------------------------------------------------- one default copyright notice
insert into copyright_notice (id, holder, year, statement, usage_terms, syndication, is_default, created_at, modified_at)
values (md5('copyright-default')::uuid, 'Masthead Bench Media', 2026, 'All rights reserved.',
        'Not for redistribution.', 'none', true,
        (select t0 from bench.anchor) - interval '4 years', (select t0 from bench.anchor) - interval '4 years');

-- ---------------------------------------------------------------- 4000 sentences to build text from
create unlogged table bench.words as
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
create unlogged table bench.sentence as
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
        from generate_series(1, 4000) i, bench.words w
    ) parts
) x;
alter table bench.sentence add primary key (i);
analyze bench.sentence;

create unlogged table bench.tags as
select array['election','budget','climate','transport','housing','health','education','football','tennis',
             'cycling','olympics','film','music','books','theatre','markets','startups','energy','inflation',
             'jobs','courts','police','science','space','weather','europe','asia','africa','americas','trade',
             'art','food','travel','opinion','analysis','interview','data','investigation','local','obituary']::text[] as t;

-- 400 place names for datelines (20 prefixes x 20 suffixes). Every article's first paragraph
-- opens with one, drawn skewed (index = floor(400 * u^2)): the commonest is in 5% of articles,
-- the second in 2.1%, the tenth in 0.6%. A place name is therefore a search term that matches a
-- realistic fraction of articles; every word of the sentence pool is in most of them.
create unlogged table bench.place as
select (row_number() over (order by p.i, s.i) - 1)::int as pk, p.w || s.w as name
from unnest(array['North','South','East','West','Upper','Lower','Old','New','Green','Stone',
                  'Oak','Elm','Ash','Mill','Bridge','Castle','Fair','Red','White','Black']) with ordinality p(w, i),
     unnest(array['field','ford','ham','ton','bury','wick','stead','moor','dale','port',
                  'mouth','gate','haven','brook','well','by','thorpe','worth','ley','combe']) with ordinality s(w, i);
alter table bench.place add primary key (pk);

-- 20,000 paragraphs of 1..10 sentences from the pool: paragraph j has 1 + j % 10 sentences.
-- Articles pick whole paragraphs (part 2), so building a 1M-article body costs no random() and
-- no per-sentence join.
create unlogged table bench.paragraph as
select j, string_agg(bs.s, ' ' order by n) as text
from generate_series(0, 19999) j
cross join lateral generate_series(1, 1 + j % 10) n
join lateral (select 1 + floor(random() * 4000)::int + 0 * n + 0 * j as idx) pick on true
join bench.sentence bs on bs.i = pick.idx
group by j;
alter table bench.paragraph add primary key (j);

-- Every random number an article needs, drawn once per article in one serial pass.
create unlogged table bench.gen as
select i,
       random() as r_status,      -- < 0.9: published
       random() as r_when,        -- position in the window (span_days, 3 years by default: gen/articles.sql)
       random() as r_section,
       random() as r_nauth,
       random() as r_auth1,
       random() as r_authstep,
       random() as r_npara,
       random() as r_size,
       random() as r_updated,
       random() as r_created,
       random() as r_ntags,
       random() as r_head,
       random() as r_place
from generate_series(1, :n) i;
alter table bench.gen add primary key (i);

-- Article indexes are dropped for the bulk insert and rebuilt afterwards from their own
-- definitions (a bulk build is far faster than a million incremental GIN inserts).
-- Constraint indexes (primary key, unique slug) stay.
create unlogged table bench.index as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i
where i.indrelid = 'article'::regclass
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select format('drop index %s', name) from bench.index \gexec

commit;
analyze bench.gen;
analyze bench.paragraph;
