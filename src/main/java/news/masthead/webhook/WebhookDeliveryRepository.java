package news.masthead.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The outbox rows as the article write pipeline writes them (the workers' side is {@link DeliveryQueue}). */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Deletes the article's deliveries of {@code type} that are still pending, never attempted and
     * not due before {@code now}: a scheduled event that has not happened yet.
     */
    public long withdrawNotYetDue(UUID articleId, WebhookEventType type, Instant now) {
        return delete("articleId = ?1 and state = ?2 and attempts = 0 and eventType = ?3 and nextAttemptAt > ?4",
                articleId, WebhookOutbox.PENDING, type.wire(), now);
    }
}
