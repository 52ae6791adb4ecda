-- Validating scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on; in a
-- migration of its own, so the brief exclusive locks of V41 and V42 are not held meanwhile.
alter table article validate constraint article_status_check;
alter table article validate constraint article_kill_check;
alter table syndication_change validate constraint syndication_change_reason_check;
