package news.masthead.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.Article;
import news.masthead.article.ArticleEvent;
import news.masthead.article.ArticleRepository;
import news.masthead.article.ArticleStatus;

/**
 * Turns accepted article changes into queued webhook deliveries. It observes {@link ArticleEvent}
 * synchronously, so its rows are written in the transaction of the change: a rollback leaves none,
 * and once the change is committed its events are too, whatever happens to this process next.
 *
 * <p>Mapping: a change that makes an article public is {@code article.published}; an edit while it
 * is public is {@code article.updated}; taking a public article down is {@code article.unpublished};
 * any trashing is {@code article.trashed}. Drafts, restores and edits of non-public articles say
 * nothing. A scheduled (or embargoed) article goes public at its instant with no write at all, so
 * scheduling queues its {@code article.published} with that instant as the time it falls due; any
 * later change of the article first withdraws such a not-yet-due event and then decides afresh.
 */
@ApplicationScoped
public class WebhookOutbox {
    static final String PENDING = "pending";

    private final ArticleRepository articles;
    private final ObjectMapper json;

    WebhookOutbox(ArticleRepository articles, ObjectMapper json) {
        this.articles = articles;
        this.json = json;
    }

    void onArticleChange(@Observes ArticleEvent event) {
        Instant now = event.at();
        Article a = articles.findById(event.articleId());
        Event e = decide(event, a, now);
        // Lock order: subscriptions, then their deliveries, as deleting a webhook does (it cascades).
        List<UUID> subscribers = e == null ? List.of() : lockSubscribers(e.type());
        withdrawDeferredPublication(a.id, now);
        if (!subscribers.isEmpty()) {
            enqueue(e, a, event, subscribers);
        }
    }

    /** What to tell subscribers about this change, if anything. */
    private static Event decide(ArticleEvent event, Article a, Instant now) {
        ArticleStatus status = ArticleStatus.of(a, now);
        return switch (event.kind()) {
            case PUBLISHED, SCHEDULED, UPDATED -> {
                if (status == ArticleStatus.PUBLISHED) {
                    yield new Event(event.kind() == ArticleEvent.Kind.UPDATED ? WebhookEventType.ARTICLE_UPDATED
                            : WebhookEventType.ARTICLE_PUBLISHED, now, status, now);
                }
                // Not public yet: announce it when it will be, unless a later change withdraws it.
                yield status == ArticleStatus.SCHEDULED
                        ? new Event(WebhookEventType.ARTICLE_PUBLISHED, a.visibleFrom, ArticleStatus.PUBLISHED, a.visibleFrom)
                        : null;
            }
            // Cancelling a schedule leaves a draft that was never public: nothing to tell.
            case UNPUBLISHED -> status == ArticleStatus.UNPUBLISHED
                    ? new Event(WebhookEventType.ARTICLE_UNPUBLISHED, now, status, now) : null;
            case TRASHED -> new Event(WebhookEventType.ARTICLE_TRASHED, now, status, now);
            // A draft is nobody's business outside the newsroom.
            case CREATED, RESTORED -> null;
        };
    }

    /**
     * The active subscriptions to {@code type}, share-locked by key until the commit: a webhook
     * deleted meanwhile is either gone from this list or waits for this transaction.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> lockSubscribers(WebhookEventType type) {
        return articles.getEntityManager().createNativeQuery("select id from webhook "
                        + "where active and cast(:type as text) = any(events) order by id for key share")
                .setParameter("type", type.wire())
                .getResultList();
    }

    /**
     * A scheduled publication not yet due and not yet attempted no longer holds once the article
     * changes again (rescheduled, published now, edited, unpublished, trashed).
     */
    private void withdrawDeferredPublication(UUID articleId, Instant now) {
        articles.getEntityManager().createQuery("delete from WebhookDelivery d where d.articleId = :a "
                        + "and d.state = :pending and d.attempts = 0 and d.eventType = :type and d.nextAttemptAt > :now")
                .setParameter("a", articleId).setParameter("pending", PENDING)
                .setParameter("type", WebhookEventType.ARTICLE_PUBLISHED.wire()).setParameter("now", now)
                .executeUpdate();
    }

    /** One row per subscriber, sharing one event id and one payload. */
    private void enqueue(Event e, Article a, ArticleEvent event, List<UUID> subscribers) {
        UUID eventId = UUID.randomUUID();
        String payload = payload(new Payload(eventId, e.type().wire(), e.at(),
                new Payload.ArticleRef(a.id, a.slug, event.revision(), e.status().wire())));
        for (UUID webhookId : subscribers) {
            WebhookDelivery d = new WebhookDelivery();
            d.id = UUID.randomUUID();
            d.webhookId = webhookId;
            d.eventId = eventId;
            d.eventType = e.type().wire();
            d.articleId = a.id;
            d.payload = payload;
            d.state = PENDING;
            d.nextAttemptAt = e.due();
            d.createdAt = event.at();
            articles.getEntityManager().persist(d);
        }
    }

    /** An event to queue: its type, its time, the status it reports, and when it falls due. */
    private record Event(WebhookEventType type, Instant at, ArticleStatus status, Instant due) {
    }

    private String payload(Payload p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of ids, strings and an instant always serializes", e);
        }
    }

    /** Kept small on purpose: subscribers fetch what they need, with their own token. */
    @JsonPropertyOrder({"id", "type", "at", "article"})
    record Payload(UUID id, String type, Instant at, ArticleRef article) {
        @JsonPropertyOrder({"id", "slug", "revision", "status"})
        record ArticleRef(UUID id, String slug, int revision, String status) {
        }
    }
}
