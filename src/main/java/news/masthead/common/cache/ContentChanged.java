package news.masthead.common.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import news.masthead.common.db.PipelineSql;

/**
 * Tells everything that keeps public answers that some of them changed: every instance's content
 * cache (through PostgreSQL, see below) and, through {@link PublicChange}, whatever keeps copies
 * outside the process (the CDN purge outbox observes it). The notification is sent inside the
 * writing transaction, so PostgreSQL delivers it only if and when that transaction commits; this
 * instance also starts a new cache generation right after the commit, without waiting for the
 * round trip. Article writes reach it through the article write pipeline (an observer of the
 * article event); authors, sections and notices, which have no pipeline of their own, call it from
 * their services. Callers name the surrogate keys of the answers the change touches
 * ({@link SurrogateKeys}): the content cache starts afresh whatever they are, the CDN drops exactly
 * those.
 */
@ApplicationScoped
public class ContentChanged {
    /** A NOTIFY payload is at most 8000 bytes; it only serves diagnosis, so a few keys say enough. */
    private static final int PAYLOAD_MAX = 200;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final ContentCaching caching;
    private final Event<PublicChange> observers;

    ContentChanged(EntityManager em, TransactionSynchronizationRegistry transactions, ContentCaching caching,
                   Event<PublicChange> observers) {
        this.em = em;
        this.transactions = transactions;
        this.caching = caching;
        this.observers = observers;
    }

    /** Call inside the writing transaction, with the surrogate keys of the answers the change touches. */
    public void publish(Collection<String> keys) {
        publish(keys, null);
    }

    /**
     * As {@link #publish(Collection)}, for a change that becomes public only at {@code visibleAt}
     * (a schedule, an embargo): this instance's cache then ends its next generation no later than
     * that instant, and observers can act again then.
     */
    public void publish(Collection<String> keys, Instant visibleAt) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("a public change names the keys of the answers it touches");
        }
        String payload = String.join(" ", unique);
        // The payload starts with the primary's WAL position after this write (a lower bound of the
        // commit's: see ReplicaPosition), then names a few keys for diagnosis.
        // Without Hibernate's automatic flush (see PipelineSql): NOTIFY reads no table, and the position
        // is a lower bound whether or not the writer's statements precede it. The flush checked every
        // entity of the session again: a thirtieth of a published article's write in JFR.
        PipelineSql.of(em, "select cast(pg_notify(:channel, pg_current_wal_insert_lsn() || ' ' || :payload) as text)")
                .setParameter("channel", ChangeListener.CHANNEL)
                .setParameter("payload", payload.length() > PAYLOAD_MAX ? payload.substring(0, PAYLOAD_MAX) : payload)
                .getSingleResult();
        Commit commit = (Commit) transactions.getResource(Commit.class);
        if (commit == null) {
            commit = new Commit();
            transactions.putResource(Commit.class, commit);
            transactions.registerInterposedSynchronization(commit);
        }
        if (visibleAt != null && (commit.visibleAt == null || visibleAt.isBefore(commit.visibleAt))) {
            commit.visibleAt = visibleAt;
        }
        observers.fire(new PublicChange(unique, visibleAt));
    }

    /** One per transaction, whatever it changed. */
    private final class Commit implements Synchronization {
        private Instant visibleAt;

        @Override
        public void beforeCompletion() {
            // nothing to do before the commit
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                caching.changedLocally(visibleAt);
            }
        }
    }
}
