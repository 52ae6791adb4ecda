package news.masthead.author;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Keyset page by slug: {@code limit} rows after {@code afterSlug} (null for the first page). */
    public List<Author> pageBySlug(String afterSlug, int limit) {
        var query = afterSlug == null
                ? find("order by slug")
                : find("slug > ?1 order by slug", afterSlug);
        return query.page(0, limit).list();
    }

    /** Whether an author other than {@code except} has this slug. */
    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0;
    }
}
