package news.masthead.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code varnishd} (Debian's varnish 7.1 with varnish-modules for xkey) running the committed
 * VCL ({@code src/main/varnish/masthead.vcl}, or the {@code masthead.vcl} property) exactly as the
 * README tells operators to, with a generated {@code masthead-site.vcl} beside it: Masthead on a
 * loopback port as the backend, loopback as the only purger. It can be stopped and started again
 * on the same port (with an empty cache, as a restarted Varnish has).
 */
public final class Varnish implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);
    /** The parameters the README gives operators: list answers carry kilobytes of Surrogate-Key. */
    static final List<String> PARAMETERS = List.of("-p", "http_resp_hdr_len=64k", "-p", "http_resp_size=96k",
            "-p", "workspace_backend=256k");

    private final Path dir;
    private final int port;
    private Process process;

    private Varnish(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Varnish start(Path dir, int backendPort) {
        Path vcl = Path.of(System.getProperty("masthead.vcl", "src/main/varnish/masthead.vcl")).toAbsolutePath();
        try {
            Files.copy(vcl, dir.resolve("masthead.vcl"));
            Files.writeString(dir.resolve("masthead-site.vcl"), """
                    backend default {
                        .host = "127.0.0.1";
                        .port = "%d";
                    }

                    acl masthead_purgers {
                        "127.0.0.1";
                        "::1";
                    }
                    """.formatted(backendPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Varnish v = new Varnish(dir, Ports.free());
        v.start();
        return v;
    }

    /** Starts varnishd in the foreground and waits until it answers HTTP. */
    public void start() {
        if (alive()) {
            throw new IllegalStateException("varnishd is already running");
        }
        List<String> command = new java.util.ArrayList<>(List.of(varnishd(), "-F", "-n", dir.resolve("work").toString(),
                "-a", "127.0.0.1:" + port, "-T", "none", "-f", dir.resolve("masthead.vcl").toString(),
                "-s", "malloc,64m"));
        command.addAll(PARAMETERS);
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("varnishd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long end = System.nanoTime() + READY.toNanos();
        // Any HTTP answer means the child is up (a 503 too: the backend may not be there yet).
        while (Http.tryGet(url("/varnish-ready")) == null) {
            if (!process.isAlive() || System.nanoTime() > end) {
                Commands.killTree(process.toHandle());
                throw new IllegalStateException("varnishd did not start:\n" + Commands.tail(dir.resolve("varnishd.log"), 40));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String varnishd() {
        for (String candidate : List.of("/usr/sbin/varnishd", "/usr/local/sbin/varnishd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "varnishd";
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** What MASTHEAD_PURGE_URL should say. */
    public String purgeUrl() {
        return url("/");
    }

    /**
     * The keys of every PURGE this varnishd (since its last start) accepted into its VCL, read from
     * its shared-memory log with varnishlog: evidence from Varnish itself, not from the sender.
     */
    public List<String> purgedKeys() {
        String log = Commands.run(List.of("varnishlog", "-d", "-n", dir.resolve("work").toString(), "-g", "raw",
                "-i", "ReqHeader"), 30);
        List<String> keys = new java.util.ArrayList<>();
        for (String line : log.split("\n")) {
            int at = line.indexOf("xkey-purge:");
            if (at >= 0) {
                keys.addAll(List.of(line.substring(at + "xkey-purge:".length()).trim().split(" ")));
            }
        }
        return keys;
    }

    /** Stops varnishd (SIGTERM: the manager stops its child) and waits until the port is closed. */
    public void stop() {
        if (!alive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                Commands.killTree(process.toHandle());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(Commands::killTree);
        Deadline.await(Duration.ofSeconds(10), "varnishd releases port " + port, () -> Http.tryGet(url("/")) == null);
    }

    @Override
    public void close() {
        stop();
    }
}
