package news.masthead.common.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import news.masthead.testsupport.DirectSql;
import org.junit.jupiter.api.Test;

/**
 * A schedule written and passed between two of the listener's refreshes is announced as due. The
 * listener here has its own clock and schedule, so the batch that once lost it (the schedule's
 * commit and the clock passing it, heard together) is made on purpose rather than by chance.
 */
@QuarkusTest
class ChangeListenerDueTest {
    @Test
    void aScheduleThatPassedBetweenTwoRefreshesWakesTheListenersAsDue() throws Exception {
        Instant start = Instant.parse("2031-01-01T00:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        AtomicReference<Instant> scheduled = new AtomicReference<>();
        ChangeListener.NextDue schedule = (connection, after) -> {
            Instant at = scheduled.get();
            return at != null && at.isAfter(after) ? at : null;
        };
        String channel = "masthead_due_test_" + System.nanoTime();
        BlockingQueue<Boolean> wakes = new LinkedBlockingQueue<>();
        ChangeListener.Wake wake = new ChangeListener.Wake() {
            @Override
            public String channel() {
                return channel;
            }

            @Override
            public void wake(boolean due) {
                wakes.add(due);
            }
        };
        ContentCache cache = new ContentCache(new MapStore(), now::get);
        ChangeListener listener = new ChangeListener(DirectSql::connect, schedule, cache,
                now::get, Duration.ofMinutes(10), false, List.of(wake), ChangeListener.Heard.NONE);
        Thread thread = new Thread(listener, "due-test-listener");
        thread.start();
        try {
            // The connection is new: due (instants may have passed unseen).
            assertTrue(wakes.poll(10, TimeUnit.SECONDS), "no wake at connect");

            // A commit with nothing scheduled: a wake, not due.
            notifyCache();
            assertFalse(wakes.poll(10, TimeUnit.SECONDS), "a plain notification woke as due");

            // A schedule two minutes ahead, and the clock past it, heard in one notification. Other
            // tests' background writers may notify too (plain wakes): the due one must come all the same.
            wakes.clear();
            scheduled.set(start.plus(Duration.ofMinutes(2)));
            now.set(start.plus(Duration.ofMinutes(3)));
            notifyCache();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean announced = false;
            while (!announced && System.nanoTime() < deadline) {
                Boolean due = wakes.poll(100, TimeUnit.MILLISECONDS);
                announced = due != null && due;
            }
            assertTrue(announced, "the schedule that passed between two refreshes was not announced as due");
        } finally {
            listener.stop();
            thread.join(5000);
        }
        assertFalse(thread.isAlive());
    }

    private void notifyCache() throws SQLException {
        try (Connection c = DirectSql.connect(); Statement s = c.createStatement()) {
            s.execute("select pg_notify('" + ChangeListener.CHANNEL + "', 'due test')");
        }
    }
}
