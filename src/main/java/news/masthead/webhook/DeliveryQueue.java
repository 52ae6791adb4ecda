package news.masthead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.time.Now;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * The outbox as the delivery workers see it. Each method is one short transaction: no transaction
 * is open while a receiver is being called.
 */
@ApplicationScoped
// Used from threads of their own (the scheduler's, tests' executors): Hibernate sessions choose their
// datasource (primary or read replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class DeliveryQueue {
    static final String DELIVERED = "delivered";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";

    /** A claimed row with what sending it needs. */
    public record Claim(UUID deliveryId, UUID claimToken, int attempt, String eventType, String payload,
                        UUID webhookId, String url, String secret) {
        @Override
        public String toString() {
            return "Claim[delivery=" + deliveryId + ", attempt=" + attempt + ", webhook=" + webhookId + "]";
        }
    }

    /** What one attempt got: an HTTP status, or an error when no answer came. */
    public record Result(Integer status, String error, int durationMs) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final EntityManager em;
    private final WebhookConfig config;
    private final Now clock;

    DeliveryQueue(EntityManager em, WebhookConfig config, Now clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes up to {@code limit} due rows of active webhooks for this caller. {@code SKIP LOCKED} lets
     * several workers (threads or Masthead instances) claim at once without ever taking the same row;
     * the lease ({@code locked_until}) then keeps the row theirs after this transaction commits, and
     * gives it back to everyone if they die before recording a result. The attempt is counted at claim
     * time, so a row that crashes its worker cannot be retried forever. The database clock decides
     * what is due, so instances with drifting clocks agree (as {@link Now#sql} sees it, so a test
     * that moves time makes scheduled deliveries due).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claim> claim(int limit) {
        UUID token = UUID.randomUUID();
        String now = clock.sql("now()");
        List<Object[]> rows = em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                            where d.state = 'pending' and w.active and d.next_attempt_at <= %1$s
                              and (d.locked_until is null or d.locked_until <= %1$s)
                            order by d.next_attempt_at, d.id
                            limit :limit
                            for update of d skip locked)
                        update webhook_delivery d
                           set attempts = d.attempts + 1,
                               locked_until = %1$s + make_interval(secs => :lease),
                               claim_token = :token
                          from due, webhook w
                         where d.id = due.id and w.id = d.webhook_id
                        returning d.id, d.attempts, d.event_type, d.payload, w.id, w.url, w.secret""".formatted(now))
                .setParameter("limit", limit)
                .setParameter("lease", (double) config.lease().toMillis() / 1000)
                .setParameter("token", token)
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], token, ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3], (UUID) r[4], (String) r[5], (String) r[6])).toList();
    }

    /**
     * Logs the attempt and settles the row: delivered, failed for good, or due again after the
     * backoff. A claimer whose lease ran out and was taken over only logs; the new owner settles.
     * Returns the outcome written to the log.
     */
    @Transactional
    public String record(Claim claim, Result result) {
        String outcome = result.delivered() ? DELIVERED : claim.attempt() >= config.maxAttempts() ? FAILED : RETRYING;
        WebhookDelivery d = em.find(WebhookDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return outcome; // the webhook was deleted meanwhile, and its queue with it
        }
        Instant now = clock.instant();
        DeliveryAttempt.Key key = new DeliveryAttempt.Key(d.id, claim.attempt());
        if (em.find(DeliveryAttempt.class, key) == null) {
            DeliveryAttempt a = new DeliveryAttempt();
            a.key = key;
            a.webhookId = d.webhookId;
            a.eventId = d.eventId;
            a.eventType = d.eventType;
            a.at = now;
            a.responseStatus = result.status();
            a.error = result.error();
            a.durationMs = result.durationMs();
            a.outcome = outcome;
            em.persist(a);
        }
        if (!claim.claimToken().equals(d.claimToken)) {
            return outcome;
        }
        d.lockedUntil = null;
        d.claimToken = null;
        if (outcome.equals(RETRYING)) {
            d.nextAttemptAt = now.plus(backoff(claim.attempt()));
        } else {
            d.state = outcome;
            d.finishedAt = now;
        }
        return outcome;
    }

    /** The wait after failed attempt {@code n}: base, 2 × base, 4 × base, … up to the maximum. */
    Duration backoff(int n) {
        Duration max = config.backoffMax();
        Duration wait = config.backoffBase();
        for (int i = 1; i < n && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Deletes finished deliveries (their log goes with them) older than the retention. */
    @Transactional
    public int purgeFinished() {
        return em.createQuery("delete from WebhookDelivery d where d.state <> 'pending' and d.finishedAt < :cutoff")
                .setParameter("cutoff", clock.instant().minus(config.retention()))
                .executeUpdate();
    }
}
