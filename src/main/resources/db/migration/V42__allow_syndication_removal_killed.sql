-- Partners are told a story was killed (remove every copy, for legal reasons), not merely
-- unpublished. NOT VALID: this table grows with every change of every partner; V44 validates.
alter table syndication_change drop constraint syndication_change_reason_check;
alter table syndication_change add constraint syndication_change_reason_check
    check (reason in ('unpublished', 'trashed', 'rights', 'killed')) not valid;
