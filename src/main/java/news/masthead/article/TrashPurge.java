package news.masthead.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import news.masthead.common.time.Now;
import org.jboss.logging.Logger;

/** Deletes articles that stayed in the trash longer than the retention; their revisions go with them. */
@ApplicationScoped
public class TrashPurge {
    private static final Logger LOG = Logger.getLogger(TrashPurge.class);

    private final ArticleRepository articles;
    private final Duration retention;
    private final Now clock;

    TrashPurge(ArticleRepository articles, TrashConfig config, Now clock) {
        this.articles = articles;
        this.retention = config.retention();
        this.clock = clock;
    }

    @Scheduled(every = "${masthead.trash.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge();
    }

    /** Purges what the retention has passed for by now. */
    public long purge() {
        return purge(clock.instant());
    }

    /** Rows cascade in the database: revisions, bylines and old slugs go with the article. */
    @Transactional
    public long purge(Instant now) {
        long purged = articles.delete("status = 'trashed' and trashedAt < ?1", now.minus(retention));
        if (purged > 0) {
            LOG.infof("Purged %d articles trashed before %s", purged, now.minus(retention));
        }
        return purged;
    }
}
