create table article (
    id                  uuid primary key,
    slug                text not null unique,
    headline            text not null,
    summary             text,
    body                jsonb not null default '[]',
    section_id          uuid references section (id),
    copyright_notice_id uuid not null references copyright_notice (id),
    tags                text[] not null default '{}',
    -- 'scheduled' is not stored: it is 'published' with published_at still ahead.
    status              text not null check (status in ('draft', 'published', 'unpublished', 'trashed')),
    published_at        timestamptz,
    updated_at          timestamptz,
    embargoed_until     timestamptz,
    -- The one instant from which the public may see the article.
    visible_from        timestamptz generated always as (greatest(published_at, embargoed_until)) stored,
    updates             jsonb not null default '[]',
    revision            integer not null,
    created_at          timestamptz not null,
    created_by          text not null,
    modified_at         timestamptz not null,
    modified_by         text not null,
    trashed_at          timestamptz
);
create index article_public_newest_idx on article (published_at desc, id desc) where status = 'published';
create index article_section_idx on article (section_id);
create index article_notice_idx on article (copyright_notice_id);
create index article_tags_idx on article using gin (tags);
create index article_status_modified_idx on article (status, modified_at desc, id desc);
