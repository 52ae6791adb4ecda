package news.masthead.article;

import java.time.Instant;
import java.util.Locale;

/** The statuses of the contract. {@code SCHEDULED} is never stored; see {@link #of(String, Instant, Instant)}. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED, TRASHED, KILLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus of(Article a, Instant now) {
        return of(a.status, a.visibleFrom, now);
    }

    /** The status at {@code now} of an article stored as {@code stored} that the public may see from {@code visibleFrom}. */
    public static ArticleStatus of(String stored, Instant visibleFrom, Instant now) {
        ArticleStatus status = valueOf(stored.toUpperCase(Locale.ROOT));
        if (status == PUBLISHED && visibleFrom != null && visibleFrom.isAfter(now)) {
            return SCHEDULED;
        }
        return status;
    }
}
