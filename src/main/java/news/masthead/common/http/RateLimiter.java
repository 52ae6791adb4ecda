package news.masthead.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Counts requests in fixed one-minute windows per key (a client address, a token, an address's
 * failed authentications). A window starts at a key's first request and ends a minute later, so
 * clients are not all released at the same instant; this is also exactly what the RateLimit
 * headers describe (quota left, seconds until it is whole again) and what Retry-After promises.
 *
 * <p>Windows live in a Caffeine cache bounded by count: every key costs memory, and keys are
 * chosen by clients (a fresh address per request from a large IPv6 network, a fresh bogus token
 * per request before they counted against the address). An idle key expires with its window;
 * under pressure Caffeine's admission policy keeps the keys in frequent use rather than the newest.
 */
@ApplicationScoped
public class RateLimiter {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long WINDOW_NANOS = WINDOW.toNanos();

    private final Cache<String, Window> windows;
    private final Ticker ticker;

    @Inject
    RateLimiter(RateLimitConfig config) {
        this(config.maxClients(), Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so a window can pass without waiting for it. */
    RateLimiter(long maxKeys, Ticker ticker) {
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(WINDOW).ticker(ticker).build();
    }

    /** Counts one request against {@code key} if its window has room; the quota says whether it had. */
    public Quota take(String policy, String key, int limit) {
        return window(policy, key).count(policy, limit, ticker.read(), false);
    }

    /** Counts one event against {@code key} whatever the limit (failed authentications are facts, not requests). */
    public Quota record(String policy, String key, int limit) {
        return window(policy, key).count(policy, limit, ticker.read(), true);
    }

    /** The quota left under {@code key} now, counting nothing. */
    public Quota peek(String policy, String key, int limit) {
        Window w = windows.getIfPresent(policy + "|" + key);
        return w == null ? Quota.unused(policy, limit) : w.state(policy, limit, ticker.read());
    }

    /** Keys held now (tests check the bound). */
    long size() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private Window window(String policy, String key) {
        long now = ticker.read();
        return windows.get(policy + "|" + key, k -> new Window(now));
    }

    /**
     * What a client may still do under one policy: {@code limit} per minute, {@code remaining} of
     * it left, and {@code resetSeconds} until the window ends (whole seconds, 1 to 60).
     * {@code allowed} is false when the request (or event) just counted went over the limit.
     */
    public record Quota(String policy, int limit, int remaining, long resetSeconds, boolean allowed) {
        static Quota unused(String policy, int limit) {
            return new Quota(policy, limit, limit, WINDOW.toSeconds(), true);
        }

        /** {@code RateLimit-Policy} member (draft-ietf-httpapi-ratelimit-headers-11): a String item with q and w. */
        public String policyField() {
            return "\"" + policy + "\";q=" + limit + ";w=" + WINDOW.toSeconds();
        }

        /** {@code RateLimit} member: r (quota left) and t (seconds until the window ends). */
        public String limitField() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    static final class Window {
        private long start;
        private int used;

        Window(long start) {
            this.start = start;
        }

        synchronized Quota count(String policy, int limit, long now, boolean always) {
            roll(now);
            boolean allowed = used < limit;
            if (allowed || always) {
                used = used == Integer.MAX_VALUE ? used : used + 1;
            }
            return quota(policy, limit, now, allowed);
        }

        synchronized Quota state(String policy, int limit, long now) {
            roll(now);
            return quota(policy, limit, now, used < limit);
        }

        /** The cache expires a window with its minute; this covers a lookup racing that expiry. */
        private void roll(long now) {
            if (now - start >= WINDOW_NANOS) {
                start = now;
                used = 0;
            }
        }

        private Quota quota(String policy, int limit, long now, boolean allowed) {
            long left = start + WINDOW_NANOS - now;
            long seconds = Math.max(1, Math.min(WINDOW.toSeconds(), (left + 999_999_999L) / 1_000_000_000L));
            return new Quota(policy, limit, Math.max(0, limit - used), seconds, allowed);
        }
    }
}
