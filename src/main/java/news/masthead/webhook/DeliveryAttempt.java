package news.masthead.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an outbox row, as the delivery log shows it. The event's id and type are
 * copied in so the log reads without joins and stays meaningful as it is.
 */
@Entity
@Table(name = "webhook_delivery_attempt")
public class DeliveryAttempt {
    @EmbeddedId
    public Key key;
    public UUID webhookId;
    public UUID eventId;
    public String eventType;
    public Instant at;
    /** The receiver's HTTP status; null when no answer came (see {@link #error}). */
    public Integer responseStatus;
    public String error;
    public int durationMs;
    /** {@code delivered}, {@code retrying} or {@code failed} (no attempts left). */
    public String outcome;

    @Embeddable
    public record Key(@Column(name = "delivery_id") UUID deliveryId, int attempt) implements Serializable {
    }
}
