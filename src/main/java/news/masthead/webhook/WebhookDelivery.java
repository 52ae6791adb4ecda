package news.masthead.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row: one event for one subscription, written in the transaction of the article change.
 * Its id is the {@code X-Masthead-Delivery} header, the same on every retry.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    @Id
    public UUID id;
    public UUID webhookId;
    public UUID eventId;
    public String eventType;
    public UUID articleId;
    /** The exact bytes every attempt sends. */
    public String payload;
    public String state;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant lockedUntil;
    public UUID claimToken;
    public Instant createdAt;
    public Instant finishedAt;
}
