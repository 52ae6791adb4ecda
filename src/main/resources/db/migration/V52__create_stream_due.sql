-- Scheduled and embargoed articles turn public with no write, so nothing would announce them on the
-- event stream. Each one's instant is kept here by the write that scheduled it; at that instant the
-- first instance to get there moves it into stream_event as article.published (delete ... returning
-- hands each row to one instance only). One row per article: a new schedule replaces the old one.
create table stream_due (
    article_id   uuid primary key references article (id) on delete cascade,
    visible_from timestamptz not null
);

create index stream_due_visible_from_idx on stream_due (visible_from);
