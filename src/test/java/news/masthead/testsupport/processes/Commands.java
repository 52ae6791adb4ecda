package news.masthead.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short commands to completion, and the service users' side of it. */
final class Commands {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Commands() {
    }

    /**
     * {@code command} as the postgres user: PostgreSQL refuses to run as root, so as root (CI) it
     * goes through {@code runuser -u postgres --}; as anyone else it runs as that user.
     */
    static List<String> asPostgres(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands {@code dir} to the postgres user when we are root (a no-op otherwise). */
    static void giveToPostgres(Path dir) {
        if (ROOT) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), 10);
        }
    }

    /** Runs and waits; fails with the command's output when it does not exit 0 in time. */
    static String run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
            }
            out = p.getInputStream().readAllBytes();
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code lines} lines of a log, for failure messages. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Kills a process and everything it started, at once (SIGKILL). */
    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + process.pid() + " did not die", e);
        }
    }
}
