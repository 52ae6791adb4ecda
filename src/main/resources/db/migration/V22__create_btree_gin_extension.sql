-- btree_gin lets a GIN index hold plain scalar columns next to a tsvector, so one index scan can
-- intersect a search's words with a publication week (V23). It is a trusted extension: the
-- database owner may create it without superuser rights.
create extension if not exists btree_gin;
