package news.masthead.section;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SectionRepository implements PanacheRepositoryBase<Section, UUID> {
    private static final String WITH_PARENT = "select s from Section s left join fetch s.parent ";

    public Optional<Section> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Section> allWithParents() {
        return list(WITH_PARENT + "order by s.position, s.name");
    }

    public boolean hasChildren(Section section) {
        return count("parent", section) > 0;
    }

    /** Keyset page by slug: {@code limit} rows after {@code afterSlug} (null for the first page). */
    public List<Section> pageBySlug(String afterSlug, int limit) {
        var query = afterSlug == null
                ? find(WITH_PARENT + "order by s.slug")
                : find(WITH_PARENT + "where s.slug > ?1 order by s.slug", afterSlug);
        return query.page(0, limit).list();
    }

    /** Whether a section other than {@code except} has this slug. */
    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0;
    }

    /** The section with this slug and all below it, in one statement; empty when no section has it. */
    @SuppressWarnings("unchecked")
    public Set<UUID> subtreeIds(String slug) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                with recursive tree(id) as (
                    select id from section where slug = :slug
                    union all
                    select s.id from section s join tree t on s.parent_id = t.id)
                select id from tree""", UUID.class).setParameter("slug", slug).getResultList();
        return Set.copyOf(ids);
    }
}
