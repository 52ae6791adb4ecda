-- Curated collections (fronts): pinned items in order, then an optional fill by section and/or tag.
-- Pinned items are a JSON array of {"article", "headline"?, "summary"?} read whole with the row: a
-- public read is this row plus one statement for the articles. An item whose article is gone is
-- simply not shown, so items hold no foreign key; the fill's section does (deleting it is a 409).
create table collection (
    id uuid primary key,
    slug varchar(120) not null unique,
    name varchar(200) not null,
    description text,
    items jsonb not null default '[]',
    fill_section_id uuid references section (id),
    fill_tag varchar(100),
    has_fill boolean not null default false,
    size integer not null check (size between 1 and 100),
    revision integer not null,
    created_at timestamptz not null,
    modified_at timestamptz not null
);
create index collection_fill_section_idx on collection (fill_section_id);
