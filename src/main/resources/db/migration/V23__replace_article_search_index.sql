-- Search finds the newest matches first: it walks back week by week and stops once it has enough
-- (see ArticleSearchRepository). With the week in the index next to the words, a week's matches
-- come out of one index scan without reading the table rows of every match; at a million articles
-- a common word matches tens of thousands of them.
--
-- extract(epoch ...) of a timestamptz does not depend on the time zone, but PostgreSQL marks it
-- stable; the wrapper is honestly immutable, as an index expression must be. Weeks start on
-- Thursday 00:00 UTC (1970-01-01 was one); where they start does not matter, only that every
-- reader computes them alike.
create function article_search_week(at timestamptz) returns integer
    language sql immutable strict parallel safe
    return floor(extract(epoch from at) / 604800)::integer;

create index article_search_week_idx on article
    using gin (search_vector, article_search_week(published_at)) where status = 'published';

-- The new index answers every search the old one did: public search reads only published articles.
drop index article_search_idx;
