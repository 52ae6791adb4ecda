package news.masthead.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Tells the content caches and the CDN that an import added content. Imports write with plain SQL
 * in batches of their own, past the services and the article write pipeline, so their change is
 * announced once at the end (also after a failed run: its earlier batches are committed). They only
 * ever add: new articles, sections and authors show in those lists, and nothing that was already
 * public changes.
 */
@ApplicationScoped
// Runs in command mode, outside any request: Hibernate sessions choose their datasource
// (primary or read replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class ImportedContent {
    private final ContentChanged changed;

    ImportedContent(ContentChanged changed) {
        this.changed = changed;
    }

    @Transactional
    public void announce() {
        changed.publish(List.of(SurrogateKeys.ARTICLES, SurrogateKeys.SECTIONS, SurrogateKeys.AUTHORS));
    }
}
