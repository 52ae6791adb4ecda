package news.masthead.common.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on its own connection for the notifications writers send on commit, and moves the
 * {@link ContentCache} to a new generation for each. A notification sent while the connection
 * was down is lost, so every (re)connect starts a new generation too; while disconnected the
 * cache serves nothing.
 */
public class ChangeListener implements Runnable {
    public static final String CHANNEL = "masthead_cache";

    /**
     * Another use of this one connection per instance (the event stream): it is woken, on the
     * listener's thread, at every (re)connect, at every notification on its {@link #channel} or on
     * the cache's, and when a scheduled article turns public. It must return at once (hand the work
     * to a thread of its own).
     */
    public interface Wake {
        String channel();

        /**
         * {@code due}: a scheduled article's instant has come, or the connection is new (and
         * instants may have passed unseen); false for a notification only.
         */
        void wake(boolean due);
    }

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    /** Opens the dedicated connection; never one from the pool, which would be held forever. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    /** The earliest instant after {@code now} at which a hidden article becomes visible by time alone, or null. */
    public interface NextDue {
        Instant after(Connection connection, Instant now) throws SQLException;
    }

    /**
     * Told, on the listener's connection to the primary, before every new generation the listener
     * starts: a read replica must replay past what the notifications announced before it may refill
     * the new generation. {@code notified} is the highest WAL position the notifications carried
     * (0: none).
     */
    public interface Heard {
        Heard NONE = (connection, notified) -> { };

        /** A cache notification just arrived: hold reads off the replica until {@link #heard} has run. */
        default void arriving() {
        }

        void heard(Connection connection, long notified) throws SQLException;
    }

    private final Connector connector;
    private final NextDue nextDue;
    private final ContentCache cache;
    private final Supplier<Instant> clock;
    private final Duration check;
    private final boolean cacheOn;
    private final java.util.List<Wake> wakes;
    private final Heard heard;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Instant due;
    /** The instant the last refresh read the schedule at: every scheduled instant up to it was known then. */
    private Instant checkedUpTo;

    /** {@code check}: how often a quiet connection is tested, so a silently dropped one is noticed. */
    public ChangeListener(Connector connector, NextDue nextDue, ContentCache cache, Supplier<Instant> clock, Duration check) {
        this(connector, nextDue, cache, clock, check, true, java.util.List.of(), Heard.NONE);
    }

    /** {@code cacheOn} false: the connection serves only {@code wakes}, and the cache is left alone (it serves nothing). */
    public ChangeListener(Connector connector, NextDue nextDue, ContentCache cache, Supplier<Instant> clock, Duration check,
                          boolean cacheOn, java.util.List<Wake> wakes, Heard heard) {
        this.connector = connector;
        this.nextDue = nextDue;
        this.cache = cache;
        this.clock = clock;
        this.check = check;
        this.cacheOn = cacheOn;
        this.wakes = java.util.List.copyOf(wakes);
        this.heard = heard;
    }

    @Override
    public void run() {
        long backoff = 100;
        while (running) {
            try (Connection c = connector.open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    for (Wake w : wakes) {
                        s.execute("LISTEN " + w.channel());
                    }
                }
                refresh(c, 0);
                wakeAll(true);
                backoff = 100;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                cache.suspend();
                if (running) {
                    LOG.warnf("Content cache listener lost its connection (%s); the cache serves nothing until it is back",
                            e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5000);
                }
            } finally {
                connection = null;
            }
        }
        cache.suspend();
    }

    /** Ends the loop; closing the connection wakes a thread waiting for notifications. */
    public void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is all we wanted
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Instant lastContact = clock.get();
        while (running) {
            PGNotification[] received = pg.getNotifications(waitMillis());
            if (forCache(received)) {
                // At once, before the round trips of a refresh: the old generation stops being served
                // and misses render (from the primary) until the new one starts.
                heard.arriving();
                if (cacheOn) {
                    cache.suspend();
                }
            }
            Instant now = clock.get();
            boolean dueNow = due != null && !now.isBefore(due);
            if (dueNow || forCache(received)) {
                dueNow |= refresh(c, notifiedPosition(received));
                lastContact = now;
            }
            if (dueNow || received != null && received.length > 0) {
                wakeAll(dueNow);
                lastContact = now;
            }
            if (Duration.between(lastContact, now).compareTo(check) >= 0) {
                // Tests the connection; a cache left unserved by a race with a local commit serves again.
                if (cache.serving()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("select 1");
                    }
                } else if (refresh(c, 0)) {
                    wakeAll(true);
                }
                lastContact = now;
            }
        }
    }

    /**
     * Starts a new generation and reads the next scheduled instant; returns whether a scheduled
     * instant has passed since the last refresh. {@code due} alone misses one that was written and
     * passed between two refreshes: a schedule's commit and the clock passing it (a test clock's
     * jump, or a listener slow to read) can arrive in one batch, and {@code due} was read before the
     * schedule existed. The wakes are then told it is due all the same.
     */
    private boolean refresh(Connection c, long notified) throws SQLException {
        heard.heard(c, notified);
        long mark = cache.mark();
        Instant now = clock.get();
        // After a clock set back (tests), nothing in the future counts as passed.
        Instant from = checkedUpTo == null || checkedUpTo.isAfter(now) ? now : checkedUpTo;
        Instant first = nextDue.after(c, from);
        boolean passed = first != null && !first.isAfter(now);
        due = passed ? nextDue.after(c, now) : first;
        checkedUpTo = now;
        if (cacheOn) {
            cache.refreshed(due, mark);
        }
        return passed;
    }

    /** The highest WAL position the cache notifications carry (their payload starts with it), or 0. */
    static long notifiedPosition(PGNotification[] received) {
        long highest = 0;
        if (received != null) {
            for (PGNotification n : received) {
                if (CHANNEL.equals(n.getName())) {
                    highest = Math.max(highest, WalPosition.parsePayload(n.getParameter()));
                }
            }
        }
        return highest;
    }

    private static boolean forCache(PGNotification[] received) {
        if (received != null) {
            for (PGNotification n : received) {
                if (CHANNEL.equals(n.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void wakeAll(boolean due) {
        for (Wake w : wakes) {
            try {
                w.wake(due);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A listener of %s failed to wake", w.channel());
            }
        }
    }

    /** Wakes for the next scheduled instant or the next connection check, whichever is first (at least 1 ms: 0 would block forever). */
    private int waitMillis() {
        long wait = check.toMillis();
        if (due != null) {
            wait = Math.min(wait, Duration.between(clock.get(), due).toMillis() + 1);
        }
        return (int) Math.max(1, Math.min(wait, Integer.MAX_VALUE));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
