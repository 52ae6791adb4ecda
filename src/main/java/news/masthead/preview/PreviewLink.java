package news.masthead.preview;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A preview link: opens one article's preview to whoever holds its secret, until it expires or is revoked. */
@Entity
@Table(name = "preview_link")
public class PreviewLink {
    @Id
    public UUID id;
    public UUID articleId;
    /** Hex SHA-256 of the secret; the secret itself is never stored. */
    public String tokenHash;
    public Instant expiresAt;
    public Instant createdAt;
    public String createdBy;
}
