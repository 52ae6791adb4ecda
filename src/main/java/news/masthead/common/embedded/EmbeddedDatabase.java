package news.masthead.common.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * The "no database configured" mode: a PostgreSQL kept under the project, so a restart keeps the
 * content. It is real PostgreSQL, the same the tests and production use.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Path HOME = Path.of(System.getProperty("masthead.home", ".masthead"));

    private EmbeddedDatabase() {
    }

    public static boolean neededFor(Map<String, String> env, Properties props) {
        return !env.containsKey("QUARKUS_DATASOURCE_JDBC_URL") && !props.containsKey("quarkus.datasource.jdbc.url");
    }

    public static void start() {
        try {
            Path data = HOME.resolve("pgdata");
            Files.createDirectories(data);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
            System.setProperty("quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", "postgres"));
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            System.setProperty("masthead.demo.load", "true");
            adminToken();
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", pg.getPort(), data.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start", e);
        }
    }

    /**
     * A local run without MASTHEAD_ADMIN_TOKEN gets a random one, kept in a file only its owner
     * can read: the secret is never printed to the log.
     */
    private static void adminToken() throws IOException {
        if (System.getenv("MASTHEAD_ADMIN_TOKEN") != null || System.getProperty("masthead.admin-token") != null) {
            return;
        }
        Path file = HOME.resolve("admin-token");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        System.setProperty("masthead.admin-token", Files.readString(file).strip());
        LOG.infof("Admin token for this local database: see %s", file.toAbsolutePath());
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
