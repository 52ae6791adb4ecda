package news.masthead.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one clock: every "now" in Masthead, in requests and in background work (the cache listener,
 * webhook delivery, the trash purge), comes from here, so a test can move time for all of them at
 * once instead of sleeping.
 */
@ApplicationScoped
public class Now {

    /** The current instant at the database's precision, so what we answer equals what we stored. */
    public Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@code databaseClock}, an SQL expression reading the database's clock ({@code now()},
     * {@code clock_timestamp()}), as this clock sees it. A few instants must come from the database
     * rather than from Java: positions in the partners' change feed follow commit order across
     * instances only if one clock hands them out, and which webhook deliveries are due is decided
     * where all instances agree. Those statements use this expression: the database's clock,
     * unchanged, here; a clock that is moved (in tests) moves it by the same amount, so what Java
     * decides (visible, embargoed, scheduled) and what SQL decides stay in step.
     */
    public String sql(String databaseClock) {
        return databaseClock;
    }
}
