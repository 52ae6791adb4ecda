-- The partners a notice with syndication 'listed' licenses.
create table copyright_notice_partner (
    notice_id  uuid not null references copyright_notice (id) on delete cascade,
    partner_id uuid not null references partner (id) on delete cascade,
    primary key (notice_id, partner_id)
);
create index copyright_notice_partner_partner_idx on copyright_notice_partner (partner_id);
