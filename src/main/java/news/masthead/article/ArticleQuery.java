package news.masthead.article;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the article lists. {@code sectionIds} is already expanded to the subtree; an empty
 * set matches nothing, null means no section filter. {@code scope} is the calling token's limit;
 * {@code owner}, when set, keeps only the articles that token created (a writer's preview).
 */
public record ArticleQuery(Set<UUID> sectionIds, String authorSlug, String tag, Instant since, Instant until,
                           ArticleStatus status, Set<UUID> scope, UUID owner) {

    public ArticleQuery(Set<UUID> sectionIds, String authorSlug, String tag, Instant since, Instant until,
                        ArticleStatus status) {
        this(sectionIds, authorSlug, tag, since, until, status, null, null);
    }

    /** The same query limited to a token's sections (null: not limited). */
    public ArticleQuery within(Set<UUID> scope) {
        return new ArticleQuery(sectionIds, authorSlug, tag, since, until, status, scope, owner);
    }

    /** The same query limited to what a preview caller may see. */
    ArticleQuery within(PreviewScope preview) {
        return new ArticleQuery(sectionIds, authorSlug, tag, since, until, status, preview.sections(), preview.owner());
    }
}
