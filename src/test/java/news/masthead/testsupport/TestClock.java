package news.masthead.testsupport;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import news.masthead.common.cache.ChangeListener;
import news.masthead.common.cache.ContentCaching;
import news.masthead.common.time.Now;

/**
 * The application's clock in every {@code @QuarkusTest}: the system clock plus an offset a test
 * moves forward instead of sleeping. Every bean that reads time goes through {@link Now}, the
 * background workers included (cache listener, webhook delivery, trash purge), and the SQL that
 * must read the database's clock reads it shifted by the same offset ({@link #sql}), so a moved
 * clock is one coherent "later" for Java and PostgreSQL alike.
 *
 * <p>{@link Reset} puts the offset back to zero before each test, so tests that compute instants
 * from {@code Instant.now()} see the clock they expect. Going back in time is only coherent for data
 * a test owns (its own partners' change feeds, its own articles), which is how tests are written.
 */
@Mock
@ApplicationScoped
public class TestClock extends Now {
    private static final AtomicLong OFFSET_MICROS = new AtomicLong();

    @Inject
    AgroalDataSource db;

    @Inject
    Instance<ContentCaching> caching;

    /** The clock of the running application. */
    public static TestClock get() {
        return Arc.container().instance(TestClock.class).get();
    }

    @Override
    public Instant instant() {
        return super.instant().plus(OFFSET_MICROS.get(), ChronoUnit.MICROS);
    }

    @Override
    public String sql(String databaseClock) {
        long offset = OFFSET_MICROS.get();
        return offset == 0 ? databaseClock : "(" + databaseClock + " + " + offset + " * interval '1 microsecond')";
    }

    /** Moves time forward; whatever was due in between (schedules, embargoes, retries) is due now. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward within a test: " + by);
        }
        OFFSET_MICROS.addAndGet(by.toNanos() / 1000);
        timeMoved();
    }

    /** Moves time to just after {@code at} (a microsecond past it); nothing if that has passed already. */
    public void advancePast(Instant at) {
        Duration ahead = Duration.between(instant(), at).plusNanos(1000);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
    }

    /** How far the clock has been moved. */
    public Duration offset() {
        return Duration.ofNanos(OFFSET_MICROS.get() * 1000);
    }

    /** Back to the system clock. */
    public void reset() {
        if (OFFSET_MICROS.getAndSet(0) != 0) {
            timeMoved();
        }
    }

    /**
     * The content cache serves a generation until the next scheduled instant it knew of; when time
     * jumps, that limit was computed for another "now". So the cache serves nothing until its
     * listener has read the next schedule again, which the notification makes it do at once
     * (rather than at its next connection check).
     */
    private void timeMoved() {
        caching.get().cache().suspend();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_notify('" + ChangeListener.CHANNEL + "', 'test clock moved')");
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell the cache listener that time moved", e);
        }
    }

    /** Registered in META-INF/services: every test starts at the system clock. */
    public static class Reset implements io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback {
        @Override
        public void beforeEach(io.quarkus.test.junit.callback.QuarkusTestMethodContext context) {
            get().reset();
        }
    }
}
