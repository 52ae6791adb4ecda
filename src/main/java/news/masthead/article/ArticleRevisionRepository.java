package news.masthead.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, ArticleRevision.Key> {

    /** Newest first, {@code limit + 1} rows below revision {@code before} (null: from the newest). */
    public List<ArticleRevision> page(UUID articleId, Integer before, int limit) {
        var query = before == null
                ? find("key.articleId = ?1 order by key.revision desc", articleId)
                : find("key.articleId = ?1 and key.revision < ?2 order by key.revision desc", articleId, before);
        return query.page(0, limit + 1).list();
    }

    public Optional<ArticleRevision> find(UUID articleId, int revision) {
        return findByIdOptional(new ArticleRevision.Key(articleId, revision));
    }
}
