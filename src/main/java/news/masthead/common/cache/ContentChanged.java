package news.masthead.common.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;

/**
 * Tells every instance that public content changed. The notification is sent inside the writing
 * transaction, so PostgreSQL delivers it only if and when that transaction commits; this instance
 * also starts a new cache generation right after the commit, without waiting for the round trip.
 * Article writes reach it through the article write pipeline (an observer of the article event);
 * authors, sections and notices, which have no pipeline of their own, call it from their services.
 */
@ApplicationScoped
public class ContentChanged {
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final ContentCaching caching;

    ContentChanged(EntityManager em, TransactionSynchronizationRegistry transactions, ContentCaching caching) {
        this.em = em;
        this.transactions = transactions;
        this.caching = caching;
    }

    /** Call inside the writing transaction; {@code what} (e.g. {@code article <id>}) is the payload, for diagnosis. */
    public void publish(String what) {
        publish(what, null);
    }

    /**
     * As {@link #publish(String)}, for a change that becomes public only at {@code visibleAt} (a
     * schedule): this instance's cache then ends its next generation no later than that instant.
     */
    public void publish(String what, Instant visibleAt) {
        em.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", ChangeListener.CHANNEL).setParameter("payload", what).getSingleResult();
        Commit commit = (Commit) transactions.getResource(Commit.class);
        if (commit == null) {
            commit = new Commit();
            transactions.putResource(Commit.class, commit);
            transactions.registerInterposedSynchronization(commit);
        }
        if (visibleAt != null && (commit.visibleAt == null || visibleAt.isBefore(commit.visibleAt))) {
            commit.visibleAt = visibleAt;
        }
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
