package news.masthead.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.db.PipelineSql;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The articles whose documents must be rendered again when one transaction should not do it: a
 * change to an author, section or notice shown by many articles, an upgrade, a repair. Any
 * instance drains it, a batch per transaction, the batch's queue rows taken with
 * {@code FOR UPDATE SKIP LOCKED} so that instances never wait for each other. When the last row of
 * a cause is rendered, the caches are told that what the cause names changed: until then they may
 * still hold answers with the old name, and would fill again from documents not rendered yet.
 */
@ApplicationScoped
// Drained from the scheduler's thread: Hibernate sessions choose their datasource (primary or
// replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class RenderQueue {
    private static final Logger LOG = Logger.getLogger(RenderQueue.class);
    /** Causes that name no public answer: the documents they render were right, or not yet served. */
    static final String UPGRADE = "upgrade";
    static final String REPAIR = "repair";

    private final EntityManager em;
    private final PublicDocuments documents;
    private final ContentChanged changed;
    private final int batch;
    /** Set at shutdown: a drain in progress stops after its current batch instead of outliving the container. */
    private volatile boolean stopping;

    RenderQueue(EntityManager em, PublicDocuments documents, ContentChanged changed,
                @ConfigProperty(name = "masthead.render.batch-size", defaultValue = "200") int batch) {
        this.em = em;
        this.documents = documents;
        this.changed = changed;
        this.batch = batch;
    }

    /**
     * Queues, in the caller's transaction, the published articles that {@code articleIds} (a
     * select of one column, article ids, with its parameter {@code :ref}) names; returns how many.
     */
    long enqueue(String cause, String articleIds, UUID ref) {
        var q = PipelineSql.of(em, "insert into article_render_queue (article_id, cause) " + articleIds, "article_render_queue")
                .setParameter("cause", cause);
        if (ref != null) {
            q.setParameter("ref", ref);
        }
        return q.executeUpdate();
    }

    /** Every published article, for a repair: returns how many were queued. */
    long enqueueAll() {
        return enqueue(REPAIR, "select id, :cause from article where status = 'published' order by published_at desc, id desc",
                null);
    }

    /** Articles still waiting to be rendered. */
    long waiting() {
        return ((Number) em.createNativeQuery("select count(*) from article_render_queue").getSingleResult()).longValue();
    }

    @Scheduled(identity = "render-queue", every = "${masthead.render.drain-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        drain();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Renders batches until the queue is empty (or only other instances' batches remain, or the application stops); returns how many rows it took. */
    public long drain() {
        long total = 0;
        int taken;
        do {
            taken = QuarkusTransaction.requiringNew().call(this::drainBatch);
            total += taken;
        } while (taken == batch && !stopping);
        if (total > batch) {
            LOG.infof("Rendered the documents of %d queued articles", total);
        }
        return total;
    }

    private int drainBatch() {
        List<Object[]> taken = rows(PipelineSql.of(em, "delete from article_render_queue where id in (select id from "
                        + "article_render_queue order by id limit " + batch + " for update skip locked) returning article_id, cause",
                "article_render_queue").getResultList());
        if (taken.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> causes = new LinkedHashSet<>();
        for (Object[] row : taken) {
            ids.add((UUID) row[0]);
            causes.add((String) row[1]);
        }
        Set<String> keys = new LinkedHashSet<>();
        List<UUID> rerendered = documents.refresh(ids);
        if (!rerendered.isEmpty() && causes.contains(REPAIR)) {
            // A repair found documents that differed from a fresh render: their answers were wrong.
            keys.add(SurrogateKeys.ARTICLES);
            rerendered.forEach(id -> keys.add(SurrogateKeys.article(id)));
        }
        for (String cause : causes) {
            if (!cause.equals(UPGRADE) && !cause.equals(REPAIR) && !pending(cause)) {
                keys.add(cause);
            }
        }
        if (!keys.isEmpty()) {
            changed.publish(keys);
        }
        return taken.size();
    }

    /** Rows of {@code cause} not taken by this transaction (another instance's batch counts until it commits). */
    private boolean pending(String cause) {
        return !PipelineSql.of(em, "select 1 from article_render_queue where cause = :cause limit 1")
                .setParameter("cause", cause).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
