-- Search reads each candidate's vector to rank it (~200 per search), and lists read each row's
-- stored summary. Kept out of line, a vector costs a TOAST index lookup and two chunk reads: at a
-- million articles that was a quarter of a search's database time. So:
--   * the vector and the summary are stored in the row (MAIN: compressed, moved out only if the row
--     could not fit a page otherwise);
--   * the row is toasted only past a page's worth (8160 bytes) instead of PostgreSQL's ~2 kB, so
--     the small columns (headline, slug, keys, ETag) are not pushed out of line along with them;
--     the largest ones (the public document, the body) go first when a row is too long.
-- Both are settings for rows written from now on: nothing is rewritten, and the statement takes its
-- lock only for the catalog update. A row written before keeps its layout until it is next written
-- (an edit recomputes the vector); a search over it returns the same, at the old cost.
alter table article
    alter column search_vector set storage main,
    alter column public_summary set storage main,
    set (toast_tuple_target = 8160);
