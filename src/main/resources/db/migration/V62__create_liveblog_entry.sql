-- A liveblog's entries: short timestamped posts under the article's headline, public while the
-- article is. An entry goes with its article (cascade: the trash purge deletes both).
create table liveblog_entry (
    id           uuid primary key,
    article_id   uuid not null references article (id) on delete cascade,
    headline     text,
    body         jsonb not null,
    key_event    boolean not null default false,
    pinned       boolean not null default false,
    published_at timestamptz not null,
    updated_at   timestamptz not null,
    created_by   text not null,
    modified_by  text not null
);

-- The public page, newest first, is a keyset scan of this index from the cursor: page 50 reads
-- what page 1 reads. key_event pages have their own, so a filter never scans skipped entries.
create index liveblog_entry_newest_idx on liveblog_entry (article_id, published_at desc, id desc);
create index liveblog_entry_key_event_idx on liveblog_entry (article_id, published_at desc, id desc) where key_event;
-- At most one pinned entry per liveblog (pinning another unpins it first).
create unique index liveblog_entry_pinned_idx on liveblog_entry (article_id) where pinned;

-- An entry's byline, in order, as article_author is an article's: an author on one cannot be deleted.
create table liveblog_entry_author (
    entry_id  uuid not null references liveblog_entry (id) on delete cascade,
    position  integer not null,
    author_id uuid not null references author (id),
    primary key (entry_id, position)
);
create index liveblog_entry_author_author_idx on liveblog_entry_author (author_id);
