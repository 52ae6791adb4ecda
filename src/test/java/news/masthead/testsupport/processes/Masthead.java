package news.masthead.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Masthead JVM started from the packaged jar ({@code target/quarkus-app/quarkus-run.jar}, or
 * the {@code masthead.jar} property that Failsafe sets), as an operator would start it: settings
 * from the environment only, nothing inherited from the caller's MASTHEAD_* or QUARKUS_* variables.
 * It can be killed with SIGKILL and started again on the same port, database and settings.
 */
public final class Masthead implements AutoCloseable {
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final Duration READY = Duration.ofSeconds(120);
    /** C1 only and a small heap: these JVMs live for seconds and several share two cores. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Path dir;
    private final int port;
    private final Map<String, String> env;
    private Process process;
    private int starts;

    private Masthead(String name, Path dir, int port, Map<String, String> env) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.env = env;
    }

    static Masthead start(String name, Path dir, String jdbcUrl, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "unused-trust-auth");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.free()));
        env.put("MASTHEAD_ADMIN_TOKEN", ADMIN_TOKEN);
        // Every request of a test comes from one address; the limiter is tested elsewhere.
        env.put("MASTHEAD_RATE_LIMIT_ANONYMOUS", "0");
        env.put("MASTHEAD_RATE_LIMIT_TOKEN", "0");
        env.putAll(extra); // a test may choose the port, e.g. one a Varnish already points at
        Masthead m = new Masthead(name, dir, Integer.parseInt(env.get("QUARKUS_HTTP_PORT")), env);
        m.launch();
        return m;
    }

    /** Starts the JVM and waits until /q/health/ready says so. */
    private void launch() {
        starts++;
        Path jar = Path.of(System.getProperty("masthead.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the ITs through `./mvnw verify` (it packages first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("MASTHEAD_") || k.startsWith("QUARKUS_"));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long end = System.nanoTime() + READY.toNanos();
        while (true) {
            Http.Answer ready = Http.tryGet(url("/q/health/ready"));
            if (ready != null && ready.status() == 200) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > end) {
                String why = process.isAlive() ? "not ready within " + READY.toSeconds() + " s" : "exited " + process.exitValue();
                Commands.killTree(process.toHandle());
                throw new IllegalStateException("Masthead " + name + " " + why + ":\n" + Commands.tail(log(), 60));
            }
            sleep(50);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is lost. */
    public void kill9() {
        Commands.killTree(process.toHandle());
    }

    /** Starts again on the same port and database; {@code changes} overrides settings from now on. */
    public void restart(Map<String, String> changes) {
        if (alive()) {
            throw new IllegalStateException("Masthead " + name + " is still running; kill9() or close() first");
        }
        env.putAll(changes);
        launch();
    }

    public Path log() {
        return dir.resolve("masthead-" + name + ".log");
    }

    public String logTail(int lines) {
        return Commands.tail(log(), lines);
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it takes more than 20 s. */
    @Override
    public void close() {
        if (!alive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                Commands.killTree(process.toHandle());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Commands.killTree(process.toHandle());
        }
    }

    @Override
    public String toString() {
        return "Masthead[" + name + ", port " + port + ", start " + starts + "]";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
