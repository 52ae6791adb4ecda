create table partner (
    id                uuid primary key,
    name              text not null,
    -- Sections (with their subsections) the partner may receive; empty means all.
    section_ids       uuid[] not null default '{}',
    receives_embargoed boolean not null default false,
    created_at        timestamptz not null,
    modified_at       timestamptz not null
);
