-- The article's lead image: {url, alt, caption?, credit?, width?, height?} (ArticleSnapshot.LeadImage),
-- null when it has none. Lists show it, so it lives in the row rather than among the body blocks.
-- A nullable column without a default is a catalog change only: no rewrite, no scan of the table.
alter table article add column lead_image jsonb;
