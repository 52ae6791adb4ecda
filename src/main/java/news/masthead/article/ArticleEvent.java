package news.masthead.article;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted article change, fired synchronously inside the writing transaction: observers
 * (syndication log, webhook outbox, caches) write their rows in the same commit or not at all.
 */
public record ArticleEvent(UUID articleId, Kind kind, int revision, Instant at) {

    public enum Kind {
        CREATED, UPDATED, PUBLISHED, SCHEDULED, UNPUBLISHED, TRASHED, RESTORED
    }
}
