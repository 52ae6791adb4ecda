-- The next instant a scheduled article becomes visible (the content cache must not outlive it):
-- min(visible_from) above now, answered from the first index entry instead of a table scan.
create index article_visible_from_idx on article (visible_from) where status = 'published';
