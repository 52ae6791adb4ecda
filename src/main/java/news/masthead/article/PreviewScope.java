package news.masthead.article;

import java.util.Set;
import java.util.UUID;

/**
 * What a preview may show its caller: a desk token's sections, a writer's own articles, or the one
 * article of a preview link. Null in a component means no limit there; preview reads apply every
 * limit that is set, in SQL, and the stream applies the same ones to its events.
 *
 * @param sections the sections (subsections included) of a desk token; null: every section
 * @param owner    the token whose articles a writer may preview; null: anyone's
 * @param article  the article a preview link opens; null: any
 */
public record PreviewScope(Set<UUID> sections, UUID owner, UUID article) {
    /** No limit: the Content API's own reads. */
    public static final PreviewScope ALL = new PreviewScope(null, null, null);

    public PreviewScope {
        sections = sections == null ? null : Set.copyOf(sections);
    }

    /** A preview link's: its one article, whoever follows it. */
    public static PreviewScope link(UUID article) {
        return new PreviewScope(null, null, article);
    }

    /** Whether an article in {@code section}, created by the token {@code ownerToken}, is within this scope. */
    public boolean admits(UUID id, UUID section, UUID ownerToken) {
        return (sections == null || section != null && sections.contains(section))
                && (owner == null || owner.equals(ownerToken))
                && (article == null || article.equals(id));
    }
}
