-- The sections below (and including) the given ones: rights and desk scopes include subsections.
create function section_subtree(roots uuid[]) returns setof uuid language sql stable as $$
    with recursive tree(id) as (
        select unnest(roots)
        union
        select s.id from section s join tree t on s.parent_id = t.id)
    select id from tree
$$;
