-- A subscription: which article events to POST to which URL. The secret signs every delivery with
-- HMAC-SHA256, so it is kept as given (a hash could not sign); the Admin API never shows it again.
create table webhook (
    id          uuid primary key,
    url         text not null,
    events      text[] not null check (cardinality(events) > 0 and events <@ array['article.published',
                    'article.updated', 'article.unpublished', 'article.trashed']::text[]),
    secret      text not null,
    active      boolean not null default true,
    created_at  timestamptz not null,
    created_by  text not null,
    modified_at timestamptz not null
);

create index webhook_newest on webhook (created_at desc, id desc);
