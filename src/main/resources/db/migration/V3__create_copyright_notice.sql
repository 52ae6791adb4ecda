create table copyright_notice (
    id          uuid primary key,
    holder      text not null,
    year        integer not null,
    statement   text,
    usage_terms text,
    syndication text not null default 'none' check (syndication in ('none', 'partners', 'listed')),
    is_default  boolean not null default false,
    created_at  timestamptz not null,
    modified_at timestamptz not null
);
-- At most one default notice: the database enforces it, not only the service.
create unique index copyright_notice_one_default on copyright_notice (is_default) where is_default;
