-- The webhook outbox: one row per event and subscription, written in the transaction of the article
-- change that caused it, so a rollback leaves nothing and a commit cannot lose the event. The payload
-- is stored as text (not jsonb, which would respace it) so every retry sends the same bytes.
-- article_id has no foreign key on purpose: a trashed article may be purged before its event is sent.
create table webhook_delivery (
    id              uuid primary key,
    webhook_id      uuid not null references webhook (id) on delete cascade,
    event_id        uuid not null,
    event_type      text not null,
    article_id      uuid not null,
    payload         text not null,
    state           text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    -- A claim is a lease: a worker that dies mid-delivery leaves a row others may take once it passes.
    locked_until    timestamptz,
    claim_token     uuid,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    unique (webhook_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'pending';
create index webhook_delivery_pending_article on webhook_delivery (article_id) where state = 'pending';
create index webhook_delivery_finished on webhook_delivery (finished_at) where state <> 'pending';

-- The delivery log: one immutable row per attempt, listed per webhook newest first. webhook_id has
-- no foreign key of its own: rows go with their delivery, and recording an attempt must not lock the
-- webhook row (a webhook being deleted locks it first, then its deliveries: the other order deadlocks).
create table webhook_delivery_attempt (
    delivery_id     uuid not null references webhook_delivery (id) on delete cascade,
    attempt         integer not null,
    webhook_id      uuid not null,
    event_id        uuid not null,
    event_type      text not null,
    at              timestamptz not null,
    response_status integer,
    error           text,
    duration_ms     integer not null,
    outcome         text not null check (outcome in ('delivered', 'retrying', 'failed')),
    primary key (delivery_id, attempt)
);

create index webhook_delivery_attempt_newest
    on webhook_delivery_attempt (webhook_id, at desc, delivery_id desc, attempt desc);
