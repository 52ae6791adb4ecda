package news.masthead.common.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import news.masthead.testsupport.EventStreams;
import news.masthead.testsupport.processes.Admin;
import news.masthead.testsupport.processes.Deadline;
import news.masthead.testsupport.processes.Harness;
import news.masthead.testsupport.processes.Http;
import news.masthead.testsupport.processes.Masthead;
import news.masthead.testsupport.processes.Postgres;
import news.masthead.testsupport.processes.PurgeRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out as it is deployed: three Masthead JVMs behind no balancer of ours, one PostgreSQL
 * primary and one streaming replica made with {@code pg_basebackup -R} that applies each commit
 * 500 ms late ({@code recovery_min_apply_delay}). PostgreSQL is the only thing the instances share:
 * LISTEN/NOTIFY for caches and the stream, SKIP LOCKED for the outboxes. A fourth JVM runs with the
 * replica rule turned off, to show the stale refill the rule prevents.
 */
class ScaleOutProcessesIT {
    private static final Duration APPLY_DELAY = Duration.ofMillis(500);

    @RegisterExtension
    static final Harness harness = new Harness();

    static String replicaUrl;
    static List<Masthead> instances;
    static Masthead unruled;
    static PurgeRecorder purges;
    static HttpServer hooks;
    /** Webhook requests received: delivery id to how often, and the bodies. */
    static final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> hookBodies = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws IOException {
        Postgres primary = harness.postgres();
        String db = primary.newDatabase("scaleout");
        Postgres replica = harness.replica(primary, APPLY_DELAY);
        replicaUrl = replica.jdbcUrl(db.substring(db.lastIndexOf('/') + 1));
        purges = harness.purgeRecorder();
        hooks = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        hooks.createContext("/hook", exchange -> {
            deliveries.merge(exchange.getRequestHeaders().getFirst("X-Masthead-Delivery"), 1, Integer::sum);
            hookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "MASTHEAD_READ_REPLICA_JDBC_URL", replicaUrl,
                "MASTHEAD_READ_REPLICA_USERNAME", Postgres.USER,
                "MASTHEAD_PURGE_URL", purges.url(),
                // One purge per change: the confirming repeat is tested in PurgeOutboxProcessesIT.
                "MASTHEAD_PURGE_REPEAT_AFTER", "0",
                "MASTHEAD_WEBHOOKS_ALLOW_PRIVATE", "true",
                "MASTHEAD_WEBHOOKS_DELIVER_EVERY", "1s"));
        Map<String, String> unruledEnv = new HashMap<>(env);
        unruledEnv.put("MASTHEAD_READ_REPLICA_FOLLOW_CHANGES", "false");
        unruledEnv.put("MASTHEAD_WEBHOOKS_DELIVER_EVERY", "off");
        unruledEnv.put("MASTHEAD_PURGE_EVERY", "off");
        // All at once: startup is most of this class's time. Flyway's lock lets one migrate while the others wait.
        List<CompletableFuture<Masthead>> starting = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            starting.add(CompletableFuture.supplyAsync(() -> harness.masthead(name, db, env)));
        }
        CompletableFuture<Masthead> fourth = CompletableFuture.supplyAsync(() -> harness.masthead("unruled", db, unruledEnv));
        instances = starting.stream().map(CompletableFuture::join).toList();
        unruled = fourth.join();
        Admin admin = new Admin(instances.get(0));
        admin.ensureDefaultNotice();
        Http.Answer hook = Http.json("POST", instances.get(0).url("/api/v1/admin/webhooks"), Masthead.ADMIN_TOKEN,
                Map.of("url", "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook",
                        "events", List.of("article.published")), Map.of());
        assertEquals(201, hook.status(), hook.body());
        for (Masthead m : instances) {
            Deadline.await(Duration.ofSeconds(20), m + " reads from the replica", () -> readsFromReplica(m));
        }
    }

    @AfterAll
    static void stopHooks() {
        if (hooks != null) {
            hooks.stop(0);
        }
    }

    @Test
    void readsThroughEveryInstanceAfterAWriteTurnFreshWithinTheNotificationAndNeverGoBack() {
        Admin writer = new Admin(instances.get(0));
        Admin.Article a = writer.publish("Council v0");
        String path = "/api/v1/articles/" + a.slug();
        awaitHeadline(path, "Council v0");
        long slowest = 0;
        long latestStale = -1;
        for (int round = 1; round <= 6; round++) {
            Masthead through = instances.get(round % 3);
            String headline = "Council v" + round;
            // Every instance holds the old answer in its cache (read twice: rendered, then a hit).
            for (Masthead m : instances) {
                Http.get(m.url(path));
                Http.get(m.url(path));
            }
            new Admin(through).changeHeadline(a, headline);
            long written = System.nanoTime();
            Map<Masthead, Long> freshAt = new HashMap<>();
            // Through the replica's whole delay and beyond: misses go to the primary until the
            // replica has replayed the change, so nothing older is ever cached again.
            while (System.nanoTime() - written < APPLY_DELAY.toNanos() + 300_000_000L) {
                for (Masthead m : List.of(through, instances.get((round + 1) % 3), instances.get((round + 2) % 3))) {
                    String seen = headline(m, path);
                    long millis = (System.nanoTime() - written) / 1_000_000;
                    if (seen.equals(headline)) {
                        freshAt.putIfAbsent(m, millis);
                    } else {
                        assertTrue(m != through, "the writing instance answered " + seen + " after its own write");
                        assertTrue(!freshAt.containsKey(m), m + " answered " + seen + " " + millis + " ms after the write, "
                                + "after it had answered " + headline + " at " + freshAt.get(m) + " ms: a stale refill");
                        // Another instance answers the old headline only until it has heard the notification.
                        assertTrue(millis < 400, m + " still answers " + seen + " " + millis + " ms after the write through " + through);
                        latestStale = Math.max(latestStale, millis);
                    }
                }
            }
            assertEquals(3, freshAt.size(), freshAt.toString());
            slowest = Math.max(slowest, freshAt.values().stream().mapToLong(Long::longValue).max().orElse(0));
        }
        // A first read's time includes the reads before it in the round; a stale answer is the notification's lag.
        System.out.printf("scale-out: first fresh read of every instance at most %d ms after a write through another returned; "
                + "latest old answer at %d ms (-1: none)%n", slowest, latestStale);
    }

    @Test
    void withoutTheRuleAnInstanceCachesTheReplicasOlderAnswerForTheWholeGeneration() {
        Admin writer = new Admin(instances.get(0));
        Admin.Article a = writer.publish("Budget v0");
        String path = "/api/v1/articles/" + a.slug();
        Deadline.await(Duration.ofSeconds(10), "the unruled instance sees the article",
                () -> Http.get(unruled.url(path)).status() == 200);
        writer.changeHeadline(a, "Budget v1");
        long written = System.nanoTime();
        // Reads through the unruled instance while the replica still lags: once it has heard the
        // change it refills its cache, from the replica, with the answer from before the change.
        while (System.nanoTime() - written < APPLY_DELAY.toNanos() / 2) {
            headline(unruled, path);
        }
        Deadline.await(Duration.ofSeconds(10), "the replica replays the change",
                () -> "Budget v1".equals(replicaHeadline(a.id())));
        // The replica now has the change, but the unruled instance serves what it cached until the
        // next change: the bug the rule prevents.
        assertEquals("Budget v0", headline(unruled, path), "the stale refill the rule prevents did not happen");
        for (Masthead m : instances) {
            assertEquals("Budget v1", headline(m, path), m.toString());
        }
    }

    @Test
    void eachWebhookEventIsDeliveredOnceAndEachPurgeIsSentOnce() {
        List<Admin.Article> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            published.add(new Admin(instances.get(i % 3)).publish("Once " + i));
        }
        for (Admin.Article a : published) {
            Deadline.await(Duration.ofSeconds(20), "webhook for " + a.id(),
                    () -> hookBodies.stream().anyMatch(b -> b.contains(a.id())));
            Deadline.await(Duration.ofSeconds(20), "purge of " + a.surrogateKey(), () -> purges.count(a.surrogateKey()) > 0);
        }
        // Time for any duplicate to show: a few delivery and purge rounds of every instance.
        Deadline.await(Duration.ofSeconds(5), "three delivery rounds", waited(Duration.ofMillis(1500)));
        for (Admin.Article a : published) {
            assertEquals(1, hookBodies.stream().filter(b -> b.contains(a.id())).count(), "webhook bodies for " + a.id());
            assertEquals(1, purges.count(a.surrogateKey()), "purges of " + a.surrogateKey());
        }
        deliveries.forEach((id, times) -> assertEquals(1, times, "delivery " + id));
    }

    @Test
    void aWriteThroughAnyInstanceReachesStreamSubscribersOnEveryInstance() {
        List<EventStreams> streams = instances.stream().map(m -> EventStreams.live(m.url("/api/v1/stream"), Map.of())).toList();
        try {
            for (Masthead through : instances) {
                Admin.Article a = new Admin(through).publish("Fan-out through " + through);
                for (EventStreams s : streams) {
                    s.until(EventStreams.is("article.published", a.id()), Duration.ofSeconds(10));
                }
            }
            // A scheduled article turns public with no write: exactly one instance announces it, once.
            Admin.Article due = new Admin(instances.get(1)).schedule("Due soon", Instant.now().plusSeconds(2));
            for (EventStreams s : streams) {
                List<EventStreams.Event> events = s.until(EventStreams.is("article.published", due.id()), Duration.ofSeconds(15));
                assertEquals(1, events.stream().filter(EventStreams.is("article.published", due.id())).count());
            }
            Deadline.await(Duration.ofSeconds(3), "a second for a duplicate announcement", waited(Duration.ofSeconds(1)));
            for (EventStreams s : streams) {
                assertTrue(s.drain().stream().noneMatch(EventStreams.is("article.published", due.id())), "announced twice");
            }
        } finally {
            streams.forEach(EventStreams::close);
        }
    }

    @Test
    void everyInstanceReportsTheReplicasLagAndReadsThereWithinTheBound() {
        for (Masthead m : instances) {
            String metrics = Http.get(m.url("/q/metrics")).body();
            assertTrue(metrics.contains("masthead_read_replica_lag_seconds"), m + " has no lag gauge");
            assertTrue(metrics.contains("masthead_read_replica_lag_bytes"), m + " has no lag-bytes gauge");
            Deadline.await(Duration.ofSeconds(10), m + " reads from the replica again", () -> readsFromReplica(m));
            var check = readReplicaCheck(m);
            assertEquals("within-bound", check.get("data").get("state").asText(), check.toString());
            assertEquals("UP", check.get("status").asText());
        }
    }

    private static java.util.function.BooleanSupplier waited(Duration d) {
        long from = System.nanoTime();
        return () -> System.nanoTime() - from >= d.toNanos();
    }

    private static void awaitHeadline(String path, String headline) {
        for (Masthead m : instances) {
            Deadline.await(Duration.ofSeconds(10), m + " shows " + headline, () -> headline.equals(headline(m, path)));
        }
    }

    private static String headline(Masthead m, String path) {
        Http.Answer a = Http.get(m.url(path));
        return a.status() == 200 ? a.json().get("headline").asText() : "HTTP " + a.status();
    }

    private static String replicaHeadline(String id) {
        try (java.sql.Connection c = Postgres.connectTo(replicaUrl);
             java.sql.PreparedStatement s = c.prepareStatement("select headline from article where id = ?::uuid")) {
            s.setString(1, id);
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean readsFromReplica(Masthead m) {
        var check = readReplicaCheck(m);
        return check != null && "replica".equals(check.get("data").get("reads").asText());
    }

    private static com.fasterxml.jackson.databind.JsonNode readReplicaCheck(Masthead m) {
        Http.Answer ready = Http.get(m.url("/q/health/ready"));
        if (ready.status() != 200) {
            return null;
        }
        for (var check : ready.json().get("checks")) {
            if ("read-replica".equals(check.get("name").asText())) {
                return check;
            }
        }
        return null;
    }
}
