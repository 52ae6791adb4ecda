create table article_revision (
    article_id uuid not null references article (id) on delete cascade,
    revision   integer not null,
    at         timestamptz not null,
    by         text not null,
    changed    text[] not null,
    snapshot   jsonb not null,
    primary key (article_id, revision)
);
