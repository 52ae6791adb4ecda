package news.masthead.article;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the article lists. {@code sectionIds} is already expanded to the subtree; an empty
 * set matches nothing, null means no section filter. {@code scope} is the calling token's limit.
 */
public record ArticleQuery(Set<UUID> sectionIds, String authorSlug, String tag, Instant since, Instant until,
                           ArticleStatus status, Set<UUID> scope) {

    public ArticleQuery(Set<UUID> sectionIds, String authorSlug, String tag, Instant since, Instant until,
                        ArticleStatus status) {
        this(sectionIds, authorSlug, tag, since, until, status, null);
    }

    /** The same query limited to a token's sections (null: not limited). */
    public ArticleQuery within(Set<UUID> scope) {
        return new ArticleQuery(sectionIds, authorSlug, tag, since, until, status, scope);
    }
}
