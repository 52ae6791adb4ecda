-- Preview links: a secret that opens one article's preview without an Admin API token, so a
-- frontend can render a draft for an editor. Only the SHA-256 of the secret is kept (the secret is
-- shown once, on creation); revoking deletes the row, so the link stops working on its next use.
-- The article's own lifetime bounds the link's: purging a trashed article removes its links.
create table preview_link (
    id          uuid primary key,
    article_id  uuid not null references article (id) on delete cascade,
    token_hash  text not null unique,
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    created_by  text not null
);

create index preview_link_article_idx on preview_link (article_id, created_at desc, id desc);
