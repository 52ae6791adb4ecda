-- Subscribers may ask for article.killed.
alter table webhook drop constraint webhook_events_check;
alter table webhook add constraint webhook_events_check
    check (cardinality(events) > 0 and events <@ array['article.published', 'article.updated',
        'article.unpublished', 'article.trashed', 'article.killed']::text[]);
