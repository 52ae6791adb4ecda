package news.masthead.cdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.common.cache.PublicChange;

/**
 * The CDN's part of every write that changes public answers: their surrogate keys go to the purge
 * outbox in the writer's transaction (so a rollback purges nothing and a commit cannot lose its
 * purge), due at the commit, or, for a change the public sees only later (a schedule, an embargo),
 * at that instant, when the CDN still holds answers from before it. Article writes arrive here from
 * the article write pipeline; authors, sections, notices and imports from their services; all of
 * them through {@link PublicChange}, so this package depends on no feature that writes.
 */
@ApplicationScoped
class ChangePurges {
    private final PurgeOutbox outbox;

    ChangePurges(PurgeOutbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes PublicChange change) {
        if (outbox.enabled()) {
            outbox.enqueue(change.keys(), change.visibleAt());
        }
    }
}
