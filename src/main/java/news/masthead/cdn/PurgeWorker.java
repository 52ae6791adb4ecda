package news.masthead.cdn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import news.masthead.cdn.PurgeQueue.Claim;
import news.masthead.cdn.PurgeQueue.Row;
import org.jboss.logging.Logger;

/**
 * Sends the outbox to the CDN: claim due rows (one short transaction), merge their keys into as few
 * requests as the {@link Purger} allows and send them with no transaction open, then settle each
 * row (one short transaction). One thread per instance, woken right after every local commit that
 * queued a purge and otherwise every {@code masthead.purge.every}, which picks up retries and what
 * other instances left. A process killed at any point loses nothing: unclaimed rows stay due,
 * claimed ones come back when their lease passes.
 */
@ApplicationScoped
public class PurgeWorker {
    private static final Logger LOG = Logger.getLogger(PurgeWorker.class);

    private final PurgeQueue queue;
    private final Purger purger;
    private final PurgeConfig config;
    private final Counter purgedRequests;
    private final Counter failedRequests;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ReentrantLock draining = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    PurgeWorker(PurgeQueue queue, Purger purger, PurgeConfig config, MeterRegistry registry) {
        this.queue = queue;
        this.purger = purger;
        this.config = config;
        this.purgedRequests = Counter.builder("masthead.cdn.purge.requests").tag("outcome", "purged")
                .description("Purge requests the CDN confirmed").register(registry);
        this.failedRequests = Counter.builder("masthead.cdn.purge.requests").tag("outcome", "failed")
                .description("Purge requests the CDN refused or did not answer (retried)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.drainsHere()) {
            return;
        }
        Duration every = DurationConverter.parseDuration(config.every().trim());
        running = true;
        thread = new Thread(() -> loop(every), "cdn-purge");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUp.release();
            thread.join(5000);
        }
    }

    /** A local commit queued a purge: send it now rather than at the next tick. Never blocks. */
    void wake() {
        if (thread != null) {
            wakeUp.release();
        }
    }

    private void loop(Duration every) {
        while (running) {
            try {
                drain();
            } catch (RuntimeException e) {
                // The database may be briefly away; rows wait for the next round.
                LOG.warnf("CDN purge round failed: %s", e.toString());
            }
            try {
                wakeUp.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims and sends until nothing is due; returns how many rows it attempted. */
    public int drain() {
        draining.lock();
        try {
            int attempted = 0;
            while (true) {
                Claim claim = queue.claim(config.batchSize());
                if (claim.rows().isEmpty()) {
                    return attempted;
                }
                send(claim);
                attempted += claim.rows().size();
                if (claim.rows().size() < config.batchSize()) {
                    return attempted;
                }
            }
        } finally {
            draining.unlock();
        }
    }

    /** A purger that throws is a failed attempt like any other, settled now rather than when the lease runs out. */
    private CompletableFuture<Purger.Outcome> purge(List<String> keys) {
        try {
            return purger.purge(keys);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Purger.Outcome(false, e.toString()));
        }
    }

    /** Sends the claim's merged keys in parallel requests; a row is settled as purged only when all its keys were. */
    private void send(Claim claim) {
        List<List<String>> batches = KeyBatches.of(claim.rows().stream().map(Row::keys).toList(), purger.limits());
        List<CompletableFuture<Purger.Outcome>> sent = batches.stream().map(this::purge).toList();
        Set<String> purged = new HashSet<>();
        String error = null;
        for (int i = 0; i < batches.size(); i++) {
            Purger.Outcome outcome = sent.get(i).join();
            if (outcome.purged()) {
                purged.addAll(batches.get(i));
                purgedRequests.increment();
            } else {
                error = error == null ? outcome.detail() : error;
                failedRequests.increment();
            }
        }
        List<Long> done = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        int attempt = 0;
        for (Row row : claim.rows()) {
            (purged.containsAll(row.keys()) ? done : retry).add(row.id());
            attempt = Math.max(attempt, row.attempt());
        }
        queue.purged(claim.token(), done);
        if (!retry.isEmpty()) {
            queue.failed(claim.token(), retry, error);
            LOG.warnf("CDN purge of %d queued changes failed (attempt %d, retried with backoff): %s",
                    retry.size(), attempt, error);
        }
    }
}
