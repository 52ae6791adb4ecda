package news.masthead.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.webhook.DeliveryQueue.Result;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: claim due rows (one short transaction), send them in parallel with no
 * transaction open, record each result (one short transaction each). Every Masthead instance runs
 * it; the claim makes sure each row goes to one of them at a time. A process killed at any point
 * loses nothing: unclaimed rows stay pending, claimed ones come back when their lease passes.
 * {@code MASTHEAD_WEBHOOKS_DELIVER_EVERY=off} stops it on an instance.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean paused;

    DeliveryWorker(DeliveryQueue queue, WebhookSender sender, WebhookConfig config) {
        this.queue = queue;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(identity = "webhook-delivery", every = "${masthead.webhooks.deliver-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (paused) {
            return;
        }
        running.lock();
        try {
            // Keep going while batches come back full: a backlog drains without waiting for ticks.
            while (!paused && runOnce() == config.batchSize()) {
                LOG.debug("Webhook batch was full; claiming the next one");
            }
        } finally {
            running.unlock();
        }
    }

    @Scheduled(identity = "webhook-retention", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        int purged = queue.purgeFinished();
        if (purged > 0) {
            LOG.infof("Purged %d finished webhook deliveries", purged);
        }
    }

    /** Claims one batch and delivers it; returns how many rows it attempted. */
    public int runOnce() {
        List<Claim> claims = queue.claim(config.batchSize());
        deliver(claims);
        return claims.size();
    }

    /** Sends claimed rows in parallel and records each result. */
    public void deliver(List<Claim> claims) {
        List<CompletableFuture<Result>> sent = new ArrayList<>();
        for (Claim c : claims) {
            sent.add(sender.send(c));
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Result r = sent.get(i).join();
            try {
                String outcome = queue.record(c, r);
                // Ids only: a URL may carry a token in its query, and the secret never appears anywhere.
                if (DeliveryQueue.FAILED.equals(outcome)) {
                    LOG.warnf("Webhook %s gave up on delivery %s after attempt %d: %s", c.webhookId(), c.deliveryId(),
                            c.attempt(), r.status() != null ? "HTTP " + r.status() : r.error());
                } else {
                    LOG.debugf("Webhook %s delivery %s attempt %d: %s (%s)", c.webhookId(), c.deliveryId(), c.attempt(),
                            r.status() != null ? "HTTP " + r.status() : r.error(), outcome);
                }
            } catch (RuntimeException e) {
                // The lease brings the row back; the next claim counts a new attempt.
                LOG.errorf(e, "Could not record webhook delivery %s attempt %d", c.deliveryId(), c.attempt());
            }
        }
    }

    /**
     * Stops scheduled runs and waits for one in flight to finish, so nothing is claimed until
     * {@link #resume()}. For operations and tests; {@link #runOnce()} still works while paused.
     */
    public void pause() {
        paused = true;
        running.lock();
        running.unlock();
    }

    public void resume() {
        paused = false;
    }

    /** Lets a batch in flight record its results while the database is still there. */
    void onShutdown(@Observes ShutdownEvent event) {
        pause();
    }
}
