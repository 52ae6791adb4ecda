package news.masthead.collection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<CuratedCollection, UUID> {

    public Optional<CuratedCollection> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<CuratedCollection> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0;
    }

    /** Keyset page by slug: {@code limit} rows after {@code afterSlug} (null for the first page). */
    public List<CuratedCollection> pageBySlug(String afterSlug, int limit) {
        var query = afterSlug == null ? find("order by slug") : find("slug > ?1 order by slug", afterSlug);
        return query.page(0, limit).list();
    }
}
