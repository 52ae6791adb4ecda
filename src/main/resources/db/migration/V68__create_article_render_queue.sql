-- Articles whose public documents must be rendered again, and why (cause: the surrogate key of
-- the author, section or notice that changed, or 'upgrade'/'repair'). Filled when a change
-- reaches more articles than one transaction should rewrite; drained by Masthead in batches with
-- FOR UPDATE SKIP LOCKED, so any number of instances share the work.
create table article_render_queue (
    id         bigserial primary key,
    article_id uuid        not null,
    cause      text        not null,
    queued_at  timestamptz not null default now()
);
-- "Is a cause done?": asked after every batch, to tell the caches once it is.
create index article_render_queue_cause_idx on article_render_queue (cause);
