create table author (
    id          uuid primary key,
    slug        text not null unique,
    name        text not null,
    job_title   text,
    bio         text,
    avatar_url  text,
    email       text,
    created_at  timestamptz not null,
    modified_at timestamptz not null
);
