package news.masthead.article;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.common.error.ConflictException;

/**
 * The article's row lock in a write to one of its liveblog entries, taken as late as the pipeline
 * allows. The writers of one liveblog take turns on that lock; a new entry is written and reported
 * (stream, caches, webhooks) without it, and holds it only for what must follow it: the partners'
 * ledger, whose lock every writer shares and takes after its article's, and the commit.
 *
 * <p>What the write decided without the lock (the article may take the entry; where it stood for
 * the public, as the event says) holds if the article is the revision it read: every write of the
 * article itself moves its revision, and none can commit while this lock is held. If it moved,
 * the entry is refused with a 409 and nothing of it is kept. A write that took the lock first
 * ({@link ArticleEditor#lockForEntry}: changes to existing entries, pinning) finds its own
 * revision here.
 */
@ApplicationScoped
class EntryLock {
    private final ArticleRepository articles;

    EntryLock(ArticleRepository articles) {
        this.articles = articles;
    }

    void lock(@Observes @Priority(ArticleEvent.Order.ENTRY_LOCK) ArticleEvent event) {
        if (event.kind() != ArticleEvent.Kind.ENTRY) {
            return;
        }
        int revision = articles.lockRevision(event.articleId(), event.changed().contains(ArticleEditor.UPDATED_AT), event.at())
                .orElseThrow(EntryLock::changed);
        if (revision != event.revision()) {
            throw changed();
        }
    }

    private static ConflictException changed() {
        return new ConflictException("The liveblog changed while the entry was being written; send the entry again.");
    }
}
