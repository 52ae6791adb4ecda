package news.masthead.cdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import news.masthead.common.time.Now;

/**
 * The one way to ask for a CDN purge: call {@link #enqueue} inside the transaction that changes
 * public answers, with the surrogate keys of those answers. The keys are written to the outbox in
 * that transaction, so a rollback purges nothing and a commit cannot lose its purge, whatever
 * happens to this process next; {@link PurgeWorker}s on every instance send it after the commit.
 * All keys one transaction queues for the same instant share one row. Without
 * {@code MASTHEAD_PURGE_URL} nothing is queued.
 */
@ApplicationScoped
public class PurgeOutbox {
    /** Surrogate keys as Masthead writes them: header-safe, no separators. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:~-]{1,200}");

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final PurgeConfig config;
    private final PurgeWorker worker;
    private final Now clock;

    PurgeOutbox(EntityManager em, TransactionSynchronizationRegistry transactions, PurgeConfig config,
                PurgeWorker worker, Now clock) {
        this.em = em;
        this.transactions = transactions;
        this.config = config;
        this.worker = worker;
        this.clock = clock;
    }

    /** Whether purges are queued at all, so callers can skip working out keys nobody will use. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Queues a purge of {@code keys}, sent as soon as this transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Collection<String> keys) {
        enqueue(keys, null);
    }

    /**
     * Queues a purge of {@code keys} due at {@code at} (null: at commit). For answers that change
     * with no write at all: a scheduled article or a lifted embargo turning public at its instant.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Collection<String> keys, Instant at) {
        if (!config.enabled() || keys.isEmpty()) {
            return;
        }
        for (String key : keys) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a surrogate key: " + key);
            }
        }
        Queued queued = (Queued) transactions.getResource(Queued.class);
        if (queued == null) {
            queued = new Queued();
            transactions.putResource(Queued.class, queued);
            transactions.registerInterposedSynchronization(queued);
        }
        Row row = queued.rows.get(at);
        if (row == null) {
            row = new Row(insert(keys, at), new LinkedHashSet<>(keys));
            queued.rows.put(at, row);
        } else if (row.keys.addAll(keys)) {
            em.createNativeQuery("update cdn_purge set keys = :keys where id = :id")
                    .setParameter("keys", String.join(" ", row.keys)).setParameter("id", row.id).executeUpdate();
        }
        queued.immediate |= at == null;
    }

    /** Due at the database's clock (as {@link Now#sql} reads it), like every claim, so instances with drifting clocks agree. */
    private long insert(Collection<String> keys, Instant at) {
        String now = clock.sql("now()");
        String due = at == null ? now : ":at";
        var insert = em.createNativeQuery("insert into cdn_purge (keys, sends_left, next_attempt_at, created_at) "
                        + "values (:keys, :sends, " + due + ", " + now + ") returning id")
                .setParameter("keys", String.join(" ", new LinkedHashSet<>(keys)))
                .setParameter("sends", config.repeatAfter().isZero() ? 1 : 2);
        if (at != null) {
            insert.setParameter("at", at);
        }
        return ((Number) insert.getSingleResult()).longValue();
    }

    private record Row(long id, Set<String> keys) {
    }

    /** This transaction's rows, by due instant (null: at commit), and the wake-up after its commit. */
    private final class Queued implements Synchronization {
        private final Map<Instant, Row> rows = new HashMap<>();
        private boolean immediate;

        @Override
        public void beforeCompletion() {
            // the rows are already written
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && immediate) {
                worker.wake();
            }
        }
    }
}
