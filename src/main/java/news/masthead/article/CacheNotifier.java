package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.common.cache.ContentChanged;

/**
 * Tells the content caches about a write the public could see: one to an article that was public
 * or scheduled before it or is after it. Edits of drafts, and of articles taken down, change no
 * public answer.
 */
@ApplicationScoped
class CacheNotifier {
    private final ContentChanged contentChanged;

    CacheNotifier(ContentChanged contentChanged) {
        this.contentChanged = contentChanged;
    }

    void notify(@Observes ArticleEvent event) {
        if (event.before().isPublished() || event.after().isPublished()) {
            // A schedule becomes public with no write: the caches must end their generation then.
            contentChanged.publish("article " + event.articleId(),
                    event.after().isScheduled() ? event.after().visibleFrom() : null);
        }
    }
}
