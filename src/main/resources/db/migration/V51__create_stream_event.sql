-- The event stream's log (GET /api/v1/stream): one row per change a write made that a stream
-- subscriber may hear of, written in the writer's transaction, so a rollback leaves none and a
-- commit cannot lose it.
--
-- A row's position is (tx, seq): tx is the id of the transaction that wrote it, seq orders the rows
-- of one transaction. Readers only read rows whose tx is older than every transaction still running
-- (pg_snapshot_xmin(pg_current_snapshot())). Such a transaction has ended, so no row can ever appear
-- behind a position a reader has passed, whatever order transactions commit in, and no writer waits
-- for another (a sequence alone cannot promise that: a smaller number can commit later).
--
-- audience 'public' rows are public changes (the Content API's answers changed); 'preview' rows
-- are changes nobody outside the newsroom can see (drafts), for the preview stream only.
create table stream_event (
    tx             xid8 not null default pg_current_xact_id(),
    seq            bigint generated always as identity,
    kind           text not null check (kind in ('article.published', 'article.updated', 'article.removed',
                                                 'article.changed', 'liveblog.entry')),
    audience       text not null check (audience in ('public', 'preview')),
    article_id     uuid not null,
    slug           text not null,
    section_id     uuid,
    owner_token_id uuid,
    entry_id       uuid,
    at             timestamptz not null,
    primary key (tx, seq)
);

-- Retention deletes by age; Last-Event-ID resumes only from an event of the last 10 minutes (by `at`).
create index stream_event_at_idx on stream_event (at);
