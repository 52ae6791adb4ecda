package news.masthead.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.util.List;
import news.masthead.article.body.SearchText;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Computes the search text of articles written before it existed (body_text null). Only Java can
 * turn blocks into plain text, so this cannot be a migration. Rows are locked and re-checked, so
 * an editor's concurrent write, which sets its own body_text, is never overwritten.
 */
@ApplicationScoped
// Called from a thread of its own, outside any request: Hibernate sessions choose their datasource
// (primary or read replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class SearchTextBackfill {
    private static final Logger LOG = Logger.getLogger(SearchTextBackfill.class);
    private static final int BATCH = 200;

    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final ContentChanged changed;

    SearchTextBackfill(ArticleRepository articles, ArticleMapper mapper, ContentChanged changed) {
        this.articles = articles;
        this.mapper = mapper;
        this.changed = changed;
    }

    void onStart(@Observes StartupEvent event) {
        long total = 0;
        int filled;
        do {
            filled = QuarkusTransaction.requiringNew().call(this::fillBatch);
            total += filled;
        } while (filled == BATCH);
        if (total > 0) {
            LOG.infof("Indexed the body text of %d articles for search", total);
        }
    }

    private int fillBatch() {
        List<Article> rows = articles.find("bodyText is null").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
        for (Article a : rows) {
            a.bodyText = SearchText.of(mapper.body(a));
        }
        if (!rows.isEmpty()) {
            // Search answers cached meanwhile missed these bodies.
            changed.publish(List.of(SurrogateKeys.ARTICLES));
        }
        return rows.size();
    }
}
