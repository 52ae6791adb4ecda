package news.masthead.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.article.ArticleEvent;

/**
 * The stream's observer of the article write pipeline: every write appends one event to the
 * stream's log in the writer's transaction (so a rollback leaves none), and keeps the instant at
 * which a scheduled or embargoed article will turn public, which no write will announce.
 *
 * <p>Public events follow what the Content API answers: turning visible is {@code article.published},
 * a change while visible {@code article.updated}, leaving it (unpublished, trashed, rescheduled)
 * {@code article.removed}. A liveblog entry added, changed or removed while the article is
 * visible is {@code liveblog.entry}, naming the entry. Any other write (a draft, a scheduled
 * article, an entry of either) changes nothing the public sees, so it is {@code article.changed}
 * for the preview stream only.
 */
@ApplicationScoped
class StreamRecorder {
    private final StreamLog log;

    StreamRecorder(StreamLog log) {
        this.log = log;
    }

    void on(@Observes ArticleEvent event) {
        boolean was = event.before().isPublic();
        boolean is = event.after().isPublic();
        String kind = was ? (is ? "article.updated" : "article.removed") : (is ? "article.published" : "article.changed");
        if (event.kind() == ArticleEvent.Kind.ENTRY && was && is) {
            kind = "liveblog.entry";
        }
        log.append(event.articleId(), kind, was || is, event.at(), event.entry());
        // The due row exists only while a write has left the article scheduled; one that was
        // scheduled and has turned public keeps its row until announceDue says article.published.
        if (event.after().isScheduled() || event.before().isScheduled()) {
            log.due(event.articleId(), event.after().isScheduled() ? event.after().visibleFrom() : null);
        }
    }
}
