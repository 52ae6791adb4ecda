package news.masthead.article;

import java.time.Instant;

/** The statuses of the contract. {@code SCHEDULED} is never stored; see {@link #of(Article, Instant)}. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED, TRASHED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ArticleStatus of(Article a, Instant now) {
        ArticleStatus stored = valueOf(a.status.toUpperCase(java.util.Locale.ROOT));
        if (stored == PUBLISHED && a.visibleFrom != null && a.visibleFrom.isAfter(now)) {
            return SCHEDULED;
        }
        return stored;
    }
}
