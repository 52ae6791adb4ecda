-- The token that created an article: a writer may edit only its own unpublished articles.
alter table article add column owner_token_id uuid;
