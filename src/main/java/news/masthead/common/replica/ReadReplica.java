package news.masthead.common.replica;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import news.masthead.common.time.Now;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This instance's view of the read replica ({@code MASTHEAD_READ_REPLICA_JDBC_URL}): whether a
 * public read may go there now ({@link #serves()}), its lag for metrics and readiness. One thread
 * polls the replica's replay position and the primary's write position on two connections of its
 * own (never from the pools, which would be held forever); the cache listener reports the primary's
 * position after every change it hears of ({@link #heard}), and local commits through
 * {@link #localCommit()}. Without the setting nothing runs and every read stays on the primary.
 */
@ApplicationScoped
public class ReadReplica {
    private static final Logger LOG = Logger.getLogger(ReadReplica.class);
    static final String REPLAYED = "select (case when pg_is_in_recovery() then coalesce(pg_last_wal_replay_lsn(), '0/0') "
            + "else pg_current_wal_insert_lsn() end - '0/0')::bigint";
    static final String WRITTEN = "select (pg_current_wal_insert_lsn() - '0/0')::bigint";

    private final ReplicaConfig config;
    private final Now clock;
    private final ReplicaPosition position;
    private final boolean configured;
    private final String primaryUrl;
    private final Optional<String> primaryUser;
    private final Optional<String> primaryPassword;
    private final MeterRegistry registry;
    private volatile boolean running;
    private Thread thread;

    ReadReplica(ReplicaConfig config, Now clock, MeterRegistry registry,
                @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> primaryUrl,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> primaryUser,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> primaryPassword) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.configured = config.jdbcUrl().filter(u -> !u.isBlank()).isPresent();
        this.position = new ReplicaPosition(config.maxLag(), config.followChanges());
        this.primaryUrl = primaryUrl.orElse(null);
        this.primaryUser = primaryUser;
        this.primaryPassword = primaryPassword;
    }

    void start(@Observes StartupEvent event) {
        if (!configured) {
            return;
        }
        if (!config.followChanges()) {
            LOG.warn("masthead.read-replica.follow-changes is off: the content cache may be refilled from a replica "
                    + "that has not replayed a change yet (for tests only)");
        }
        Gauge.builder("masthead.read_replica.lag.seconds", this,
                r -> Optional.ofNullable(r.lag()).map(d -> d.toNanos() / 1e9).orElse(Double.NaN))
                .description("How long the oldest write the read replica has not replayed has waited (NaN: unreachable)")
                .register(registry);
        Gauge.builder("masthead.read_replica.lag.bytes", position, ReplicaPosition::lagBytes)
                .description("WAL bytes the primary had written beyond the read replica's replay at the last poll")
                .register(registry);
        Gauge.builder("masthead.read_replica.serving", this, r -> r.serves() ? 1 : 0)
                .description("1 while public reads go to the read replica, 0 while they fall back to the primary")
                .register(registry);
        running = true;
        thread = new Thread(this::loop, "read-replica-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    /** Whether a replica is configured at all. */
    public boolean configured() {
        return configured;
    }

    /** Whether a public read may go to the replica now. */
    public boolean serves() {
        return configured && position.serves(clock.instant());
    }

    /** Whether the replica is reachable and within the lag bound (always false without a replica). */
    public boolean healthy() {
        return configured && position.healthy(clock.instant());
    }

    /** The replica's lag; null when it could not be read lately or none is configured. */
    public Duration lag() {
        return configured ? position.lag(clock.instant()) : null;
    }

    public long lagBytes() {
        return position.lagBytes();
    }

    public Duration maxLag() {
        return config.maxLag();
    }

    /** A commit on this instance changed public answers: reads stay on the primary until a position after it is known. */
    public void localCommit() {
        if (configured) {
            position.localCommit();
            LockSupportWake.wake(thread);
        }
    }

    /** A change was committed elsewhere and its position is not read yet: reads stay on the primary until {@link #heard}. */
    public void hold() {
        if (configured) {
            position.localCommit();
        }
    }

    /**
     * The cache listener heard of changes (or (re)connected): reads the primary's position on its
     * connection, which is at or after every commit whose notification arrived.
     */
    public void heard(Connection primary, long notified) throws SQLException {
        if (!configured) {
            return;
        }
        long seen = position.localCommitsSeen();
        position.heard(Math.max(notified, read(primary, WRITTEN)), seen);
    }

    private void loop() {
        Connection replica = null;
        Connection primary = null;
        long backoff = config.poll().toMillis();
        while (running) {
            try {
                if (replica == null) {
                    replica = DriverManager.getConnection(config.jdbcUrl().orElseThrow(), config.username().orElse(null),
                            config.password().orElse(null));
                }
                if (primary == null) {
                    primary = DriverManager.getConnection(primaryUrl, primaryUser.orElse(null), primaryPassword.orElse(null));
                }
                long seen = position.localCommitsSeen();
                long written = read(primary, WRITTEN);
                if (position.localCommitUncovered()) {
                    position.heard(written, seen);
                }
                position.replicaAt(read(replica, REPLAYED), written, clock.instant());
                backoff = config.poll().toMillis();
            } catch (SQLException | RuntimeException e) {
                position.unreachable();
                LOG.warnf("Read replica monitor: %s; public reads use the primary until it is back", e.getMessage());
                replica = close(replica);
                primary = close(primary);
                backoff = Math.min(Math.max(backoff * 2, 100), 5000);
            }
            LockSupportWake.park(backoff);
        }
        close(replica);
        close(primary);
    }

    private static long read(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is being dropped anyway
            }
        }
        return null;
    }
}
