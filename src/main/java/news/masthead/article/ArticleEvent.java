package news.masthead.article;

import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An accepted article write. This event is the article write pipeline: {@code ArticleEditor}
 * fires it once per write, synchronously, inside the writer's transaction, after the article row
 * is written and while it is still locked (a new liveblog entry: before the lock, which
 * {@code EntryLock} takes), and every side effect of the write is an observer of it. Observers
 * write their rows in the same commit, or, if the write rolls back, not at all:
 *
 * <ol>
 *   <li>{@code RevisionRecorder}: the revision row with its {@link #article() snapshot}
 *       ({@link Order#RECORD}, first: the history is the write's own record);</li>
 *   <li>{@code CacheNotifier}: {@code NOTIFY} of the content caches, when the public could see
 *       the change;</li>
 *   <li>{@code WebhookOutbox} (webhook): queued deliveries for subscribers;</li>
 *   <li>{@code StreamRecorder} (stream): the event stream's row;</li>
 *   <li>{@code EntryLock}: for {@link Kind#ENTRY}, the article's row lock and {@code updatedAt}
 *       ({@link Order#ENTRY_LOCK});</li>
 *   <li>{@code DocumentRecorder}: the article's public documents, rendered again
 *       ({@link Order#RENDER}; the only observer that writes to the article's row, and only
 *       those columns);</li>
 *   <li>{@code SyndicationLedger} (syndication): the partners' change feed
 *       ({@link Order#LAST}: it takes a lock every writer shares and holds it until the commit,
 *       so nothing may run after it).</li>
 * </ol>
 *
 * <p>Adding a side effect (a CDN purge outbox, a public event stream, rendering on write) is adding
 * one observer: {@code void on(@Observes ArticleEvent e)} in the feature that owns it, writing
 * through that feature's own repositories. Give it an {@link Order} only if it must run before or
 * after another; the rest run in between. Observers read what they need from the event rather
 * than from the database: the writer already knows who wrote, what changed, and where the article
 * stood for the public before and after. They must not change the article. The article row is
 * flushed before the event fires, so their native SQL runs through {@code PipelineSql}, without
 * Hibernate's automatic flush of the whole session before every statement.
 *
 * @param slug     the article's slug after this write
 * @param revision the revision this write created; for {@link Kind#ENTRY}, the article's current
 *                 one (an entry is not a revision of the article: see {@link #isRevision()})
 * @param at       the instant of the write, the same one every stamp of it carries
 * @param by       the name of the token that wrote
 * @param changed  the names of the fields whose value changed, as the revision lists them
 * @param before   where the article stood at {@code at} before this write
 * @param after    where it stands at {@code at} after it
 * @param article  the article as this write left it: the revision's snapshot; null for
 *                 {@link Kind#ENTRY}, which records no revision
 * @param entry    the liveblog entry a {@link Kind#ENTRY} write added, changed or removed; null for
 *                 every other kind
 */
public record ArticleEvent(UUID articleId, String slug, Kind kind, int revision, Instant at, String by, List<String> changed,
                           Standing before, Standing after, ArticleSnapshot article, UUID entry) {

    public ArticleEvent {
        changed = List.copyOf(changed);
    }

    /**
     * This write created a revision of the article. Every kind does but {@link Kind#ENTRY}: the
     * entries are their own resource, so posting one neither appends to the article's history nor
     * moves its revision, the ETag an editor's {@code If-Match} repeats (a desk posting entries
     * every few seconds would otherwise fail every headline edit of the running story with a 412).
     */
    public boolean isRevision() {
        return kind != Kind.ENTRY;
    }

    public enum Kind {
        CREATED, UPDATED, PUBLISHED, SCHEDULED, UNPUBLISHED, TRASHED, RESTORED, KILLED,
        /**
         * A liveblog entry was added, changed or removed ({@link #entry()} names it): to everyone
         * outside the newsroom a change of the article, which moved its {@code updatedAt} if it
         * had been published; to the newsroom not a revision of it ({@link #isRevision()}).
         */
        ENTRY
    }

    /**
     * Where an article stands for the public at one instant: its status (scheduled derived) and
     * the instant from which the public may see it ({@code visible_from}: null while it has never
     * been published).
     */
    public record Standing(ArticleStatus status, Instant visibleFrom) {
        /** Before its creation an article stands as a draft nobody outside the newsroom has seen. */
        static final Standing NEW = new Standing(ArticleStatus.DRAFT, null);

        static Standing of(Article a, Instant at) {
            return new Standing(ArticleStatus.of(a, at), a.visibleFrom);
        }

        /** The public sees it now. */
        public boolean isPublic() {
            return status == ArticleStatus.PUBLISHED;
        }

        public boolean isScheduled() {
            return status == ArticleStatus.SCHEDULED;
        }

        /**
         * Public or scheduled: stored as published. Only such an article is in a public list, a
         * partner's feed or a scheduled cache expiry, so a write that leaves it unpublished both
         * before and after changes nothing anyone outside the newsroom sees.
         */
        public boolean isPublished() {
            return isPublic() || isScheduled();
        }

        /** Killed: the public gets a 410 for its slugs, partners a kill notice, until an admin restores it. */
        public boolean isKilled() {
            return status == ArticleStatus.KILLED;
        }
    }

    /**
     * Observer order, for {@code @Observes @Priority(...)}: smaller runs first. Observers without
     * a priority run at {@link #DEFAULT}, between these.
     */
    public static final class Order {
        /** The revision: recorded before anything reports the write. */
        public static final int RECORD = Interceptor.Priority.APPLICATION;
        /** CDI's default for an observer without {@code @Priority}. */
        public static final int DEFAULT = Interceptor.Priority.APPLICATION + 500;
        /**
         * A liveblog entry write takes its article's row lock here ({@code EntryLock}): after the
         * observers that need no lock, before the one whose lock every writer shares.
         */
        public static final int ENTRY_LOCK = Interceptor.Priority.PLATFORM_AFTER - 2;
        /**
         * The article's public documents are rendered again ({@code DocumentRecorder}): under its
         * row lock, which a new entry takes only at {@link #ENTRY_LOCK}, so that no other write of
         * the article can come between the render and the commit.
         */
        public static final int RENDER = Interceptor.Priority.PLATFORM_AFTER - 1;
        /**
         * An observer that takes a lock every writer contends for and holds it to the commit: the
         * later it is taken, the shorter every other writer waits.
         */
        public static final int LAST = Interceptor.Priority.PLATFORM_AFTER;

        private Order() {
        }
    }
}
