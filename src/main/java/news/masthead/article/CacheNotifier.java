package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;

/**
 * Tells everything that keeps public answers (the content caches of every instance, the CDN) about
 * a write the public could see: one to an article that answers publicly before or after it (public,
 * or killed: its slugs answer 410). Such a write changes the article's own answers
 * ({@code article-<id>}: its page, its old slugs' redirects or 410, every list that shows it) and
 * possibly lists that do not show it yet ({@code articles}). A schedule or an embargo turns public
 * at its instant with no write, so the change is announced for that instant too. Edits of drafts,
 * and of articles taken down, change no public answer.
 */
@ApplicationScoped
class CacheNotifier {
    private final ContentChanged contentChanged;

    CacheNotifier(ContentChanged contentChanged) {
        this.contentChanged = contentChanged;
    }

    void notify(@Observes ArticleEvent event) {
        List<String> keys = List.of(SurrogateKeys.article(event.articleId()), SurrogateKeys.ARTICLES);
        if (answersPublicly(event.before()) || answersPublicly(event.after())) {
            contentChanged.publish(keys);
        }
        if (event.after().isScheduled()) {
            contentChanged.publish(keys, event.after().visibleFrom());
        }
    }

    private static boolean answersPublicly(ArticleEvent.Standing s) {
        return s.isPublic() || s.isKilled();
    }
}
