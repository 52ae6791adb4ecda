-- Full-text search over what a reader sees. body_text is the body's plain text, computed in Java
-- (the blocks' plainText(), promo blocks left out) because only Java knows how to render blocks;
-- null means "not yet computed" and is filled in at startup for rows written before this column.
-- The vector is generated from it, so headline, summary and body can never drift apart in the index.
alter table article add column body_text text;
alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A')
    || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english', coalesce(body_text, '')), 'C')) stored;
create index article_search_idx on article using gin (search_vector);
