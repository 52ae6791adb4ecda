-- The CDN purge outbox: one row per transaction that changed public answers, written in that
-- transaction (a rollback leaves none; a commit cannot lose it to a crash before the purge), drained
-- after commit by every instance with FOR UPDATE SKIP LOCKED and a lease, retried until the CDN
-- accepts it. keys is the space-separated surrogate keys, exactly as an xkey-purge header carries them.
-- sends_left is 2 when a confirming purge follows the first (see PurgeQueue), 1 for the last one.
create table cdn_purge (
    id              bigint generated always as identity primary key,
    keys            text not null check (keys <> '' and keys !~ '[^A-Za-z0-9._:~ -]'),
    sends_left      smallint not null check (sends_left between 1 and 2),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    -- A claim is a lease: an instance that dies mid-purge leaves a row others take once it passes.
    locked_until    timestamptz,
    claim_token     uuid,
    last_error      text,
    created_at      timestamptz not null
);

create index cdn_purge_due on cdn_purge (next_attempt_at);
