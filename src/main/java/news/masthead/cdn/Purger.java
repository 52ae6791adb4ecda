package news.masthead.cdn;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Drops every answer tagged with any of some surrogate keys from one kind of CDN. Implementations
 * only speak the CDN's purge API; queueing, merging keys, retries and "once across instances" are
 * the outbox's ({@link PurgeWorker}). See the README for how Fastly and Cloudflare would fit.
 */
public interface Purger {

    /** How much one purge request may carry: the outbox splits merged keys to fit. */
    Limits limits();

    /**
     * Purges {@code keys} (within {@link #limits()}). Completes with the outcome, never
     * exceptionally: success only when the CDN confirmed the purge.
     */
    CompletableFuture<Outcome> purge(List<String> keys);

    /** At most {@code maxKeys} keys and {@code maxBytes} bytes of space-separated keys per request. */
    record Limits(int maxKeys, int maxBytes) {
    }

    /** Whether the CDN confirmed the purge; {@code detail} says why not, without secrets. */
    record Outcome(boolean purged, String detail) {
        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome failed(String detail) {
            return new Outcome(false, detail);
        }
    }
}
