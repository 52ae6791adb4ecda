package news.masthead.article;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the article lists. {@code sectionIds} is already expanded to the subtree; an empty
 * set matches nothing, null means no section filter.
 */
public record ArticleQuery(Set<UUID> sectionIds, String authorSlug, String tag, Instant since, Instant until,
                           ArticleStatus status) {
}
