package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import news.masthead.common.error.BusyException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission for search statements: at most {@code masthead.search.concurrency} run at once (0, the
 * default: one per processor), the others wait for a turn in arrival order, for at most
 * {@code masthead.search.wait}, and are then refused with a 503 and Retry-After (nothing run).
 *
 * <p>Why: one search costs PostgreSQL about 2 ms of CPU at a million articles (finding and ranking
 * its candidates, highlighting the page) where a list costs 0.1 ms. When a breaking story sends a
 * burst of searches, running them all at once shares the processors out among them, so each
 * takes as long as all of them together and the slowest wait on the scheduler's luck; each also
 * holds a pooled connection the cheap reads then lack. In turn, each runs at full speed, and a
 * search's latency is the queue ahead of it. Lists, articles and every other read never wait here.
 * A negative concurrency turns the gate off (the benchmark's A/B).
 */
@ApplicationScoped
public class SearchGate {
    private final Semaphore turns;
    private final long waitNanos;

    SearchGate(@ConfigProperty(name = "masthead.search.concurrency", defaultValue = "0") int concurrency,
               @ConfigProperty(name = "masthead.search.wait", defaultValue = "PT5S") Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("masthead.search.wait must not be negative, not " + wait);
        }
        int permits = concurrency == 0 ? Runtime.getRuntime().availableProcessors() : concurrency;
        this.turns = permits < 0 ? null : new Semaphore(permits, true);
        this.waitNanos = wait.toNanos();
    }

    /** Runs {@code search} in its turn. */
    public <T> T run(Supplier<T> search) {
        if (turns == null) {
            return search.get();
        }
        if (!admitted()) {
            throw new BusyException(1, "Too many searches are running right now; nothing was run. Send the same "
                    + "request again in a moment.");
        }
        try {
            return search.get();
        } finally {
            turns.release();
        }
    }

    private boolean admitted() {
        try {
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Turns free now (for tests and diagnosis); -1 without a gate. */
    int available() {
        return turns == null ? -1 : turns.availablePermits();
    }
}
