package news.masthead.article;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.render.ReferenceChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the public documents ({@link PublicDocuments}) what a fresh render would give, in the
 * transaction of the write that changed them:
 *
 * <ul>
 *   <li>an article write renders its article again, under the article's row lock; a write that
 *       leaves it unpublished before and after (a draft's edit) renders nothing;</li>
 *   <li>a change to an author, section or notice renders again the published articles that show
 *       it: up to {@code masthead.render.inline-limit} of them in the same transaction, more through
 *       the {@link RenderQueue} (their documents, and the caches, catch up when it is drained).</li>
 * </ul>
 */
@ApplicationScoped
class DocumentRecorder {
    private final PublicDocuments documents;
    private final RenderQueue queue;
    private final EntityManager em;
    private final int inlineLimit;

    DocumentRecorder(PublicDocuments documents, RenderQueue queue, EntityManager em,
                     @ConfigProperty(name = "masthead.render.inline-limit", defaultValue = "200") int inlineLimit) {
        this.documents = documents;
        this.queue = queue;
        this.em = em;
        this.inlineLimit = inlineLimit;
    }

    void onArticle(@Observes @Priority(ArticleEvent.Order.RENDER) ArticleEvent event) {
        if (!event.before().isPublished() && !event.after().isPublished()) {
            return;
        }
        // An entry is not part of the article's documents; only the updatedAt it moves is.
        if (event.kind() == ArticleEvent.Kind.ENTRY && !event.changed().contains(ArticleEditor.UPDATED_AT)) {
            return;
        }
        documents.refresh(List.of(event.articleId()));
    }

    void onReference(@Observes ReferenceChanged change) {
        String showing = switch (change.kind()) {
            case AUTHOR -> "select aa.article_id from article_author aa join article a on a.id = aa.article_id "
                    + "where aa.author_id = :ref and a.status = 'published'";
            case SECTION -> "select a.id from article a where a.section_id = :ref and a.status = 'published'";
            case NOTICE -> "select a.id from article a where a.copyright_notice_id = :ref and a.status = 'published'";
        };
        // One more than the limit says whether the limit is passed, without counting them all.
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(showing + " limit " + (inlineLimit + 1)).setParameter("ref", change.id())
                .getResultList();
        if (ids.size() <= inlineLimit) {
            documents.refresh(ids);
        } else {
            queue.enqueue(cause(change), showing.replaceFirst("^select (\\S+) ", "select $1, :cause "), change.id());
        }
    }

    /** The surrogate key of what changed: the caches are told it once the queue has rendered its articles. */
    private static String cause(ReferenceChanged change) {
        return switch (change.kind()) {
            case AUTHOR -> SurrogateKeys.author(change.id());
            case SECTION -> SurrogateKeys.section(change.id());
            case NOTICE -> SurrogateKeys.notice(change.id());
        };
    }
}
