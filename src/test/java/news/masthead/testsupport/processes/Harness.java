package news.masthead.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Owns everything a multi-process test starts (PostgreSQL, Masthead JVMs, Varnish, receivers): one
 * temporary directory for their data and logs, free ports, and cleanup in reverse order after the
 * class, whether its tests passed, failed or never started. Logs are copied to
 * {@code target/it-logs/<class>/} first, so a failure on CI can be read afterwards. Use it as
 * {@code @RegisterExtension static final Harness harness = new Harness();}.
 */
public final class Harness implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Path root;
    private String owner = "harness";
    private Thread hook;

    @Override
    public void beforeAll(ExtensionContext context) {
        owner = context.getRequiredTestClass().getSimpleName();
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Creates the working directory; {@link #beforeAll} does it for JUnit. */
    public synchronized void open() {
        if (root != null) {
            return;
        }
        try {
            // Readable by the postgres and varnish users that the launchers hand parts of it to.
            root = Files.createTempDirectory("masthead-it-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A JVM stopped without afterAll (Ctrl-C, a failsafe timeout) still stops its children.
        hook = new Thread(this::closeQuietly, "harness-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A new directory under the working directory, readable by the service users. */
    public Path dir(String name) {
        Path dir = root().resolve(name);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A PostgreSQL 15 cluster of Debian's binaries, stopped with the harness. */
    public Postgres postgres() {
        return track(Postgres.start(dir("postgres")));
    }

    /** A streaming replica of {@code primary} ({@code pg_basebackup -R}) applying commits {@code applyDelay} late. */
    public Postgres replica(Postgres primary, java.time.Duration applyDelay) {
        return track(Postgres.replicaOf(primary, dir("replica"), applyDelay));
    }

    /** A Masthead JVM from the packaged jar on {@code jdbcUrl}, ready to serve; {@code env} adds or overrides settings. */
    public Masthead masthead(String name, String jdbcUrl, Map<String, String> env) {
        return track(Masthead.start(name, dir("masthead-" + name), jdbcUrl, env));
    }

    /** varnishd with the committed VCL in front of {@code backendPort}, purgeable from localhost. */
    public Varnish varnish(String name, int backendPort) {
        return track(Varnish.start(dir("varnish-" + name), backendPort));
    }

    /** An HTTP server that records PURGE requests and answers what the test says. */
    public PurgeRecorder purgeRecorder() {
        return track(PurgeRecorder.start());
    }

    public synchronized <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    private synchronized Path root() {
        if (root == null) {
            open();
        }
        return root;
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("cleanup failed", e) : failure;
                if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (root != null) {
            keepLogs();
            delete(root);
            root = null;
        }
        if (hook != null && !Thread.currentThread().equals(hook)) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is running us, or about to
            }
            hook = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("harness cleanup: " + e);
        }
    }

    private void keepLogs() {
        Path target = Path.of(System.getProperty("masthead.it.logs", "target/it-logs")).resolve(owner);
        try (var files = Files.walk(root)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).toList()) {
                Path copy = target.resolve(root.relativize(log).toString().replace('/', '_'));
                Files.createDirectories(target);
                Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("harness: could not keep logs: " + e);
        }
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("harness: could not delete " + dir + ": " + e);
        }
    }
}
