package news.masthead.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.ArticleEvent;
import news.masthead.article.ArticleStatus;

/**
 * Turns accepted article changes into queued webhook deliveries. It observes {@link ArticleEvent}
 * synchronously, so its rows are written in the transaction of the change: a rollback leaves none,
 * and once the change is committed its events are too, whatever happens to this process next.
 * It decides from the event alone and writes through the webhook feature's own repositories.
 *
 * <p>Mapping: a change that makes an article public is {@code article.published}; an edit while it
 * is public is {@code article.updated}; taking a public article down is {@code article.unpublished};
 * any trashing is {@code article.trashed}; any kill {@code article.killed} (a legal takedown: every
 * subscriber must drop its copies, whatever the status was). Drafts, restores and edits of non-public articles say
 * nothing. A scheduled (or embargoed) article goes public at its instant with no write at all, so
 * scheduling queues its {@code article.published} with that instant as the time it falls due; any
 * later change of the article first withdraws such a not-yet-due event and then decides afresh.
 */
@ApplicationScoped
public class WebhookOutbox {
    static final String PENDING = "pending";

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;

    WebhookOutbox(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, ObjectMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
    }

    void onArticleChange(@Observes ArticleEvent event) {
        Event e = decide(event);
        // Lock order: subscriptions, then their deliveries, as deleting a webhook does (it cascades).
        List<UUID> subscribers = e == null ? List.of() : webhooks.lockSubscribers(e.type());
        // Only a write that finds the article scheduled can find such an event: one is queued, due
        // at the article's visible_from, exactly when a write leaves it scheduled, and every later
        // write that finds it still so withdraws it. (Most writes, a desk's liveblog entries among
        // them, find none, and skip the delete.)
        if (event.before().isScheduled()) {
            deliveries.withdrawNotYetDue(event.articleId(), WebhookEventType.ARTICLE_PUBLISHED, event.at());
        }
        if (!subscribers.isEmpty()) {
            enqueue(e, event, subscribers);
        }
    }

    /** What to tell subscribers about this change, if anything. */
    private static Event decide(ArticleEvent event) {
        Instant now = event.at();
        ArticleEvent.Standing after = event.after();
        ArticleStatus status = after.status();
        return switch (event.kind()) {
            // A liveblog entry changes the article as subscribers know it: an update like any edit.
            case PUBLISHED, SCHEDULED, UPDATED, ENTRY -> {
                if (after.isPublic()) {
                    yield new Event(event.kind() == ArticleEvent.Kind.UPDATED || event.kind() == ArticleEvent.Kind.ENTRY
                            ? WebhookEventType.ARTICLE_UPDATED
                            : WebhookEventType.ARTICLE_PUBLISHED, now, status, now);
                }
                // Not public yet: announce it when it will be, unless a later change withdraws it.
                yield after.isScheduled()
                        ? new Event(WebhookEventType.ARTICLE_PUBLISHED, after.visibleFrom(), ArticleStatus.PUBLISHED,
                                after.visibleFrom())
                        : null;
            }
            // Cancelling a schedule leaves a draft that was never public: nothing to tell.
            case UNPUBLISHED -> status == ArticleStatus.UNPUBLISHED
                    ? new Event(WebhookEventType.ARTICLE_UNPUBLISHED, now, status, now) : null;
            case TRASHED -> new Event(WebhookEventType.ARTICLE_TRASHED, now, status, now);
            case KILLED -> new Event(WebhookEventType.ARTICLE_KILLED, now, status, now);
            // A draft is nobody's business outside the newsroom.
            case CREATED, RESTORED -> null;
        };
    }

    /** One row per subscriber, sharing one event id and one payload. */
    private void enqueue(Event e, ArticleEvent event, List<UUID> subscribers) {
        UUID eventId = UUID.randomUUID();
        String payload = payload(new Payload(eventId, e.type().wire(), e.at(),
                new Payload.ArticleRef(event.articleId(), event.slug(), event.revision(), e.status().wire())));
        for (UUID webhookId : subscribers) {
            WebhookDelivery d = new WebhookDelivery();
            d.id = UUID.randomUUID();
            d.webhookId = webhookId;
            d.eventId = eventId;
            d.eventType = e.type().wire();
            d.articleId = event.articleId();
            d.payload = payload;
            d.state = PENDING;
            d.nextAttemptAt = e.due();
            d.createdAt = event.at();
            deliveries.persist(d);
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
