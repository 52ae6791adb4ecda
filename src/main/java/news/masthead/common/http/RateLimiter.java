package news.masthead.common.http;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets per key, refilled continuously; one bucket per client address or API token. */
@ApplicationScoped
public class RateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the key's bucket: 0 when allowed, else the seconds to wait. */
    public long acquire(String key, int perMinute, long nowNanos) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nowNanos)).take(perMinute, nowNanos);
    }

    /** Forgets buckets that have refilled: they hold no information. */
    @Scheduled(every = "5m", delayed = "5m")
    void prune() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.isFull(now));
    }

    static final class Bucket {
        private double tokens;
        private long last;
        private final int capacity;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(int perMinute, long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double perSecond = perMinute / 60.0;
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * capacity / 60.0);
            last = now;
        }
    }
}
