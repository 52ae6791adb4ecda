-- Masthead benchmark data generator.
--
--   psql -v n=100000 -f bench/generate.sql
--
-- Fills exactly the tables Flyway created (section, author, copyright_notice, article,
-- article_author) with deterministic data (setseed(0.42); ids are md5 of a counter). Only the
-- absolute timestamps move: they are relative to midnight UTC of the day it runs.
-- Re-runnable: it truncates every content table first.
--
-- Three parts (bench/gen/): setup.sql draws every random number and builds helper tables in the
-- schema "bench"; articles.sql inserts the articles with i % parts = part (bench/run.sh runs one
-- session per CPU; here it is one session); finish.sql rebuilds the article indexes, inserts the
-- bylines, drops the helper schema and runs VACUUM ANALYZE.

\set ON_ERROR_STOP on
\if :{?n}
\else
  \echo 'usage: psql -v n=<articles> -f bench/generate.sql'
  \quit
\endif
\ir gen/setup.sql
\set part 0
\set parts 1
\ir gen/articles.sql
\ir gen/finish.sql
