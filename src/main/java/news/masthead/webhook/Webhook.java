package news.masthead.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription to article events. Its secret never leaves the server except as a signature. */
@Entity
public class Webhook {
    @Id
    public UUID id;
    public String url;

    /** Wire names of the event types, e.g. {@code article.published}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] events;

    /** Kept as given: HMAC signing needs the secret itself, not a hash of it. */
    public String secret;
    public boolean active;
    public Instant createdAt;
    public String createdBy;
    public Instant modifiedAt;

    @Override
    public String toString() {
        // Never the secret: this may end up in a log line.
        return "Webhook[" + id + "]";
    }
}
