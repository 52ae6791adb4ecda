-- A kill: a legal takedown. The article leaves every public and partner channel for good (only an
-- admin may bring it back, as a draft), and the newsroom keeps who killed it, when and why.
-- New nullable columns without defaults are a catalog change only: no rewrite of the table.
alter table article add column killed_at timestamptz;
alter table article add column killed_by text;
alter table article add column kill_reason text;

-- 'killed' joins the stored statuses. The wider check is added NOT VALID, which takes the table's
-- lock only for a moment and scans nothing; V44 validates it without blocking writes.
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
    check (status in ('draft', 'published', 'unpublished', 'trashed', 'killed')) not valid;
alter table article add constraint article_kill_check
    check ((status = 'killed') = (killed_at is not null and killed_by is not null and kill_reason is not null)) not valid;
