-- Liveblogs: an article is a story (the default) or a liveblog, whose entries (V62) run under one
-- headline while it is live. Constant defaults are a catalog change only: no rewrite of the table.
alter table article add column kind text not null default 'story';
alter table article add column live boolean not null default false;

-- Every existing row holds the defaults, so nothing needs checking: NOT VALID skips the scan (and
-- the long lock it would take) while still holding every write from now on.
alter table article add constraint article_kind_check check (kind in ('story', 'liveblog')) not valid;
-- Only a liveblog is ever live; a story's live is false.
alter table article add constraint article_live_check check (kind = 'liveblog' or not live) not valid;
