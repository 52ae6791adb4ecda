package news.masthead.testsupport.processes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL 15 cluster from Debian's binaries ({@code /usr/lib/postgresql/15/bin}, or the
 * {@code masthead.it.pg-bin} property), in the harness's directory, listening on a free loopback
 * port with trust authentication (replication included, for replicas made with
 * {@code pg_basebackup -R}). Durability is off: these clusters live for one test class. Debian's
 * binaries rather than the embedded one the unit tests use because multi-process tests need
 * the whole toolbox of one version (pg_basebackup, replicas, a server that outlives a JVM).
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "postgres";
    private static final String BIN = System.getProperty("masthead.it.pg-bin", "/usr/lib/postgresql/15/bin");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final Path data;
    private final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    static Postgres start(Path dir) {
        Postgres pg = new Postgres(dir, Ports.free());
        Commands.giveToPostgres(dir);
        Commands.run(Commands.asPostgres(List.of(BIN + "/initdb", "-D", pg.data.toString(), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")), 120);
        pg.startServer();
        return pg;
    }

    /**
     * A streaming replica of {@code primary}, made as an operator would: {@code pg_basebackup -R}
     * (which writes {@code standby.signal} and {@code primary_conninfo}), then started on a port of
     * its own. {@code applyDelay} is {@code recovery_min_apply_delay}: the replica receives the WAL at
     * once but applies each commit only that long after it happened, so its lag is real and known.
     */
    static Postgres replicaOf(Postgres primary, Path dir, java.time.Duration applyDelay) {
        Postgres replica = new Postgres(dir, Ports.free());
        Commands.giveToPostgres(dir);
        Commands.run(Commands.asPostgres(List.of(BIN + "/pg_basebackup", "-h", "127.0.0.1", "-p",
                Integer.toString(primary.port), "-U", USER, "-D", replica.data.toString(), "-R", "-X", "stream",
                "--no-sync", "-c", "fast")), 120);
        try {
            Files.writeString(replica.data.resolve("postgresql.auto.conf"), "recovery_min_apply_delay = '"
                    + applyDelay.toMillis() + "ms'\nhot_standby = on\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        replica.startServer();
        return replica;
    }

    private void startServer() {
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        try {
            Commands.run(Commands.asPostgres(List.of(BIN + "/pg_ctl", "-D", data.toString(), "-l",
                    dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start")), 90);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + Commands.tail(dir.resolve("postgres.log"), 40), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty database of its own; returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return jdbcUrl(name);
    }

    /** A connection as the superuser, for tests that look at or arrange rows directly. */
    public Connection connect(String database) throws SQLException {
        return connectTo(jdbcUrl(database));
    }

    /** A superuser connection to a database {@link #newDatabase} made. */
    public static Connection connectTo(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, "");
    }

    /** Stops at once (no checkpoint: the data goes with the directory). */
    @Override
    public void close() {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            Commands.run(Commands.asPostgres(List.of(BIN + "/pg_ctl", "-D", data.toString(), "-m", "immediate", "-w",
                    "stop")), 60);
        } catch (IllegalStateException e) {
            killPostmaster();
        }
    }

    private void killPostmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(Commands::killTree);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop PostgreSQL in " + data, e);
        }
    }
}
