-- Slugs a published article used to have; each answers 301 to the article's current slug.
create table article_slug_redirect (
    slug       text primary key,
    article_id uuid not null references article (id) on delete cascade
);
create index article_slug_redirect_article_idx on article_slug_redirect (article_id);
