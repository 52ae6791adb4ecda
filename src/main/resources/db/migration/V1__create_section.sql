create table section (
    id          uuid primary key,
    slug        text not null unique,
    name        text not null,
    description text,
    parent_id   uuid references section (id),
    position    integer not null default 0,
    created_at  timestamptz not null,
    modified_at timestamptz not null
);
create index section_parent_idx on section (parent_id);
