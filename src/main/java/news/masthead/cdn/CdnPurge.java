package news.masthead.cdn;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row: the surrogate keys one transaction made stale, written in that transaction. Its
 * own stored form, not an API type: {@code keys} is space-separated, exactly as a purge carries it.
 */
@Entity
@Table(name = "cdn_purge")
public class CdnPurge {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String keys;
    public short sendsLeft;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant lockedUntil;
    public UUID claimToken;
    public String lastError;
    public Instant createdAt;
}
