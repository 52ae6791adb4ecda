-- The public form of a published article, rendered when it is written (issue #19): the exact JSON
-- bytes of its Article and of its ArticleSummary as the Content API answers them, and the
-- surrogate keys of everything they show (space-separated), and the ETag of the Article's bytes
-- (hashing an 8 kB document was a tenth of a read's Java time). The public reads return these
-- bytes instead of joining and mapping rows on every request. Null while the article is not published,
-- and for rows written before this migration until the render queue reaches them (V69); a read
-- of a row without its document renders it afresh.
--
-- Nullable columns without a default: adding them changes only the catalog, not the table's
-- rows, so it holds its lock for a moment whatever the table's size.
alter table article
    add column public_summary  text,
    add column public_document text,
    add column public_keys     text,
    add column public_etag     text;
