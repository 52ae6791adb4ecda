create table article_author (
    article_id uuid not null references article (id) on delete cascade,
    position   integer not null,
    author_id  uuid not null references author (id),
    primary key (article_id, position)
);
create index article_author_author_idx on article_author (author_id);
