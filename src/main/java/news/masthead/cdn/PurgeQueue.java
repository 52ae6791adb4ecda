package news.masthead.cdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import news.masthead.common.time.Now;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * The outbox as the workers see it. Each method is one short transaction: none is open while the
 * CDN is being called. The database clock decides what is due, so instances agree; it is read
 * through {@link Now#sql}, so a test that moves time moves what is due with it.
 */
@ApplicationScoped
// Called from a thread of its own, outside any request: Hibernate sessions choose their datasource
// (primary or read replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class PurgeQueue {
    private static final int MAX_ERROR = 500;

    /** Rows claimed together under one token. */
    public record Claim(UUID token, List<Row> rows) {
    }

    /** One claimed row: its keys and which attempt this is (1 for the first). */
    public record Row(long id, List<String> keys, int attempt) {
    }

    private final EntityManager em;
    private final PurgeConfig config;
    private final Now clock;

    PurgeQueue(EntityManager em, PurgeConfig config, Now clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes up to {@code limit} due rows for this caller. {@code SKIP LOCKED} lets every instance
     * claim at once without two ever taking the same row; the lease ({@code locked_until}) keeps the
     * row this caller's after the commit, and gives it back to everyone if the caller dies before
     * settling it.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Claim claim(int limit) {
        UUID token = UUID.randomUUID();
        List<Object[]> rows = em.createNativeQuery("""
                        with due as (
                            select id from cdn_purge
                            where next_attempt_at <= %1$s and (locked_until is null or locked_until <= %1$s)
                            order by next_attempt_at, id
                            limit :limit
                            for update skip locked)
                        update cdn_purge p
                           set attempts = p.attempts + 1,
                               locked_until = %1$s + make_interval(secs => :lease),
                               claim_token = :token
                          from due
                         where p.id = due.id
                        returning p.id, p.keys, p.attempts""".formatted(clock.sql("now()")))
                .setParameter("limit", limit)
                .setParameter("lease", seconds(config.lease()))
                .setParameter("token", token)
                .getResultList();
        return new Claim(token, rows.stream().map(r -> new Row(((Number) r[0]).longValue(),
                Arrays.asList(((String) r[1]).split(" ")), ((Number) r[2]).intValue())).toList());
    }

    /**
     * The CDN accepted every key of these rows. A row with a confirming purge still to come is due
     * again after {@code repeat-after}; otherwise it is done and deleted. A caller whose lease ran
     * out (and whose rows another instance took) changes nothing.
     */
    @Transactional
    public void purged(UUID token, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from cdn_purge where id in (:ids) and claim_token = :token and sends_left = 1")
                .setParameter("ids", ids).setParameter("token", token).executeUpdate();
        em.createNativeQuery("""
                        update cdn_purge
                           set sends_left = 1, attempts = 0, last_error = null, locked_until = null, claim_token = null,
                               next_attempt_at = %s + make_interval(secs => :repeat)
                         where id in (:ids) and claim_token = :token and sends_left = 2""".formatted(clock.sql("now()")))
                .setParameter("repeat", seconds(config.repeatAfter()))
                .setParameter("ids", ids).setParameter("token", token).executeUpdate();
    }

    /**
     * The CDN refused these rows or did not answer: each is due again after its backoff, base ×
     * 2^(attempt - 1) up to the maximum, and tried until it succeeds.
     */
    @Transactional
    public void failed(UUID token, Collection<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        update cdn_purge
                           set locked_until = null, claim_token = null, last_error = :error,
                               next_attempt_at = %s + make_interval(secs =>
                                   least(:max, :base * power(2, least(greatest(attempts - 1, 0), 30))))
                         where id in (:ids) and claim_token = :token""".formatted(clock.sql("now()")))
                .setParameter("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
                .setParameter("max", seconds(config.backoffMax()))
                .setParameter("base", seconds(config.backoffBase()))
                .setParameter("ids", ids).setParameter("token", token).executeUpdate();
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
