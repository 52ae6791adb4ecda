-- A partner token without its partner reaches nothing; deleting a partner also revokes its tokens.
alter table api_token add constraint api_token_partner_fk foreign key (partner_id) references partner (id) on delete set null;
