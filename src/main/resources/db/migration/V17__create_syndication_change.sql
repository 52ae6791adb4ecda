-- What each partner must apply, in the order it may apply it. Rows are appended under an
-- advisory lock held to commit, so positions follow commit order; effective_at (the instant the
-- partner may see the change) orders the feed and never precedes the commit.
create table syndication_change (
    seq          bigserial primary key,
    partner_id   uuid not null references partner (id) on delete cascade,
    article_id   uuid not null,
    kind         text not null check (kind in ('upsert', 'removal')),
    reason       text check (reason in ('unpublished', 'trashed', 'rights')),
    effective_at timestamptz not null
);
create index syndication_change_feed_idx on syndication_change (partner_id, effective_at, seq);
create index syndication_change_latest_idx on syndication_change (partner_id, article_id, seq desc);
