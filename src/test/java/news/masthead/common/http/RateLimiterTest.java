package news.masthead.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import news.masthead.common.http.RateLimiter.Quota;
import org.junit.jupiter.api.Test;

/** The limiter's windows on a ticker the test moves, so a minute passes without waiting for it. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aWindowAllowsItsLimitThenRefusesUntilItsMinuteEnds() {
        RateLimiter limiter = new RateLimiter(1000, ticker);
        for (int i = 0; i < 3; i++) {
            Quota q = limiter.take("address", "203.0.113.1", 3);
            assertTrue(q.allowed());
            assertEquals(2 - i, q.remaining());
            assertEquals(60, q.resetSeconds());
        }
        advance(Duration.ofSeconds(20));
        Quota refused = limiter.take("address", "203.0.113.1", 3);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(40, refused.resetSeconds(), "the rest of the minute that began with the first request");
        assertTrue(limiter.take("address", "203.0.113.2", 3).allowed(), "another key has its own window");
        advance(Duration.ofSeconds(40));
        Quota next = limiter.take("address", "203.0.113.1", 3);
        assertTrue(next.allowed(), "a new minute");
        assertEquals(2, next.remaining());
    }

    @Test
    void resetSecondsRoundUpAndStayWithinOneToSixty() {
        RateLimiter limiter = new RateLimiter(1000, ticker);
        limiter.take("token", "t", 1);
        advance(Duration.ofMillis(59_500));
        assertEquals(1, limiter.take("token", "t", 1).resetSeconds());
        advance(Duration.ofMillis(499));
        assertEquals(1, limiter.take("token", "t", 1).resetSeconds());
    }

    @Test
    void failuresAreCountedPastTheLimitAndTheLockoutEndsWithItsMinute() {
        RateLimiter limiter = new RateLimiter(1000, ticker);
        for (int i = 0; i < 5; i++) {
            limiter.record("auth-failures", "198.51.100.9", 3);
        }
        Quota locked = limiter.peek("auth-failures", "198.51.100.9", 3);
        assertEquals(0, locked.remaining());
        assertFalse(locked.allowed());
        advance(Duration.ofSeconds(59));
        assertFalse(limiter.peek("auth-failures", "198.51.100.9", 3).allowed());
        advance(Duration.ofSeconds(1));
        Quota after = limiter.peek("auth-failures", "198.51.100.9", 3);
        assertTrue(after.allowed());
        assertEquals(3, after.remaining());
    }

    @Test
    void peekCountsNothing() {
        RateLimiter limiter = new RateLimiter(1000, ticker);
        assertEquals(3, limiter.peek("auth-failures", "x", 3).remaining());
        assertEquals(3, limiter.peek("auth-failures", "x", 3).remaining());
        limiter.record("auth-failures", "x", 3);
        assertEquals(2, limiter.peek("auth-failures", "x", 3).remaining());
    }

    /** A client choosing a new key per request (a fresh IPv6 address, a fresh bogus token) cannot grow memory. */
    @Test
    void keysAreBoundedInNumberAndForgottenWhenTheirMinuteEnds() {
        RateLimiter limiter = new RateLimiter(100, ticker);
        for (int i = 0; i < 10_000; i++) {
            limiter.take("address", "key-" + i, 5);
        }
        assertTrue(limiter.size() <= 100, "held " + limiter.size());
        advance(Duration.ofSeconds(61));
        assertEquals(0, limiter.size());
    }

    @Test
    void headerFieldsFollowTheDraftSyntax() {
        Quota q = new Quota("token", 3000, 2999, 42, true);
        assertEquals("\"token\";q=3000;w=60", q.policyField());
        assertEquals("\"token\";r=2999;t=42", q.limitField());
    }
}
