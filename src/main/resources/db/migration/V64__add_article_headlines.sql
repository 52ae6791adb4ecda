-- Alternative headlines for search engines and social cards: {seo?, social?} (ArticleSnapshot.Headlines),
-- null when the article has neither; frontends fall back to the headline.
-- A nullable column without a default is a catalog change only: no rewrite, no scan of the table.
alter table article add column headlines jsonb;
