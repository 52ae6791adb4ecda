package news.masthead.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import news.masthead.testsupport.processes.Admin;
import news.masthead.testsupport.processes.Deadline;
import news.masthead.testsupport.processes.Harness;
import news.masthead.testsupport.processes.Http;
import news.masthead.testsupport.processes.Masthead;
import news.masthead.testsupport.processes.Ports;
import news.masthead.testsupport.processes.Postgres;
import news.masthead.testsupport.processes.PurgeRecorder;
import news.masthead.testsupport.processes.Varnish;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purge outbox across real processes: several JVMs draining one outbox, and a JVM killed with
 * SIGKILL between the commit of a change and its purge.
 */
class PurgeOutboxProcessesIT {
    @RegisterExtension
    static final Harness harness = new Harness();

    static Postgres pg;
    // Two instances on one database, purging into a recorder that counts every key.
    static String sharedDb;
    static PurgeRecorder recorder;
    static Masthead first;
    static Masthead second;
    // One instance that queues but never purges, until it is killed and started again with a worker.
    static String killDb;
    static Varnish edge;
    static Masthead doomed;

    @BeforeAll
    static void start() {
        pg = harness.postgres();
        sharedDb = pg.newDatabase("shared");
        killDb = pg.newDatabase("killed");
        recorder = harness.purgeRecorder();
        int doomedPort = Ports.free();
        edge = harness.varnish("edge", doomedPort);
        Map<String, String> toRecorder = Map.of("MASTHEAD_PURGE_URL", recorder.url());
        // Three JVMs at once: startup is most of this class's time. The two on the shared database
        // both migrate it at start; Flyway's lock lets one do it while the other waits.
        CompletableFuture<Masthead> one = CompletableFuture.supplyAsync(() -> harness.masthead("one", sharedDb, toRecorder));
        CompletableFuture<Masthead> two = CompletableFuture.supplyAsync(() -> harness.masthead("two", sharedDb, toRecorder));
        CompletableFuture<Masthead> three = CompletableFuture.supplyAsync(() -> harness.masthead("doomed", killDb, Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(doomedPort),
                "MASTHEAD_PURGE_URL", edge.purgeUrl(),
                "MASTHEAD_PURGE_EVERY", "off")));
        first = one.join();
        second = two.join();
        doomed = three.join();
        new Admin(doomed).ensureDefaultNotice();
    }

    @Test
    void twoInstancesDrainingOneOutboxPurgeEachChangeOnce() throws SQLException {
        int changes = 120;
        List<String> keys = IntStream.range(0, changes).mapToObj(i -> "it-once-" + i + "-" + UUID.randomUUID()).toList();
        // Each change commits on one instance or the other, from two clients at once.
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = writer; i < changes; i += 2) {
                    new Admin(i % 4 < 2 ? first : second).purge(keys.get(i));
                }
            }));
        }
        writers.forEach(CompletableFuture::join);
        // First purge and its confirming repeat (MASTHEAD_PURGE_REPEAT_AFTER, 2 s) both done: outbox empty.
        Deadline.await(Duration.ofSeconds(15), "the outbox drains", () -> pending(sharedDb, "it-once-") == 0);
        for (String key : keys) {
            assertEquals(2, recorder.count(key), key + ": one purge and one confirming purge, never a duplicate");
        }
        assertTrue(purgeRequests(first) > 0 && purgeRequests(second) > 0,
                "both instances purged: " + purgeRequests(first) + " and " + purgeRequests(second));
    }

    @Test
    void queuedPurgeSurvivesKill9BetweenCommitAndPurgeAndIsSentAfterRestart() throws SQLException {
        Admin admin = new Admin(doomed);
        Admin.Article a = admin.publish("Mayor resigns");
        String path = "/api/v1/articles/" + a.slug();
        assertEquals(200, Http.get(edge.url(path)).status());
        // A real write: its commit queues the purge (with the publish's, still unsent), but this
        // instance does not purge (MASTHEAD_PURGE_EVERY=off).
        admin.changeHeadline(a, "Mayor resigns over contracts");
        assertEquals(2, pending(killDb, a.surrogateKey()), "the publish's purge and the headline change's");
        assertEquals("Mayor resigns", Http.get(edge.url(path)).json().get("headline").asText());

        doomed.kill9();
        doomed.restart(Map.of("MASTHEAD_PURGE_EVERY", "1s"));
        long ready = System.nanoTime();
        Deadline.await(Duration.ofSeconds(2), "the purge queued before the kill reaches Varnish", () ->
                "Mayor resigns over contracts".equals(Http.get(edge.url(path)).json().get("headline").asText()));
        System.out.printf("purge after restart: fresh %d ms after ready%n", (System.nanoTime() - ready) / 1_000_000);
        assertTrue(edge.purgedKeys().contains(a.surrogateKey()), "Varnish received it: " + edge.purgedKeys());
    }

    /** Rows of the outbox whose keys contain {@code fragment}. */
    private static int pending(String jdbcUrl, String fragment) {
        try (Connection c = Postgres.connectTo(jdbcUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from cdn_purge where keys like '%" + fragment + "%'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double purgeRequests(Masthead m) {
        for (String line : Http.get(m.url("/q/metrics")).body().split("\n")) {
            if (line.startsWith("masthead_cdn_purge_requests_total{") && line.contains("outcome=\"purged\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
