package news.masthead.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.processes.Admin;
import news.masthead.testsupport.processes.Deadline;
import news.masthead.testsupport.processes.Harness;
import news.masthead.testsupport.processes.Http;
import news.masthead.testsupport.processes.Masthead;
import news.masthead.testsupport.processes.Postgres;
import news.masthead.testsupport.processes.Varnish;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The committed VCL in a real varnishd, in front of a real Masthead JVM purging it through the
 * outbox. Changes reach Varnish the way they do in production: a write through the Admin API
 * commits, its purge leaves through the outbox; no test asks for a purge by hand except the one
 * about Varnish being down.
 */
class VarnishCdnIT {
    private static final Duration FRESH_WITHIN = Duration.ofSeconds(2);

    @RegisterExtension
    static final Harness harness = new Harness();

    static String jdbcUrl;
    static Masthead masthead;
    static Varnish varnish;
    static Admin admin;

    @BeforeAll
    static void start() {
        Postgres pg = harness.postgres();
        jdbcUrl = pg.newDatabase("cdn");
        // The purge URL must be known before Masthead starts, and Varnish needs Masthead's port:
        // Varnish comes first, pointing at the port Masthead will take.
        int mastheadPort = news.masthead.testsupport.processes.Ports.free();
        varnish = harness.varnish("edge", mastheadPort);
        masthead = harness.masthead("m1", jdbcUrl, Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(mastheadPort),
                "MASTHEAD_PURGE_URL", varnish.purgeUrl(),
                "MASTHEAD_PURGE_BACKOFF_BASE", "0.2s",
                "MASTHEAD_PURGE_BACKOFF_MAX", "1s"));
        admin = new Admin(masthead);
        admin.ensureDefaultNotice();
    }

    @Test
    void contentReadIsServedFromVarnishWhileItsAgeGrows() {
        Admin.Article a = publishedAndPurged("Harbour reopens after storm");
        String path = "/api/v1/articles/" + a.slug();
        Http.Answer first = Http.get(varnish.url(path));
        assertEquals(200, first.status());
        assertEquals("MISS", first.header("X-Cache"));
        double backendReads = backendReads("/api/v1/articles/{slug}");

        Http.Answer aged = Deadline.until(Duration.ofSeconds(5), "Age reaches 1 s", () -> {
            Http.Answer hit = Http.get(varnish.url(path));
            assertEquals("HIT", hit.header("X-Cache"));
            return hit.age() >= 1 ? hit : null;
        });
        assertEquals(first.body(), aged.body());
        assertEquals(backendReads, backendReads("/api/v1/articles/{slug}"), "Masthead was not asked again");
        // Browsers get Masthead's own Cache-Control; what is addressed to the CDN stays there.
        assertEquals("public, max-age=60, stale-while-revalidate=30", aged.header("Cache-Control"));
        assertNull(aged.header("Surrogate-Control"));
        assertNull(aged.header("Surrogate-Key"));
        assertNull(aged.header("xkey"));
        // A client revalidating its copy gets a 304 from Varnish itself.
        Http.Answer revalidated = Http.get(varnish.url(path), Map.of("If-None-Match", aged.header("ETag")));
        assertEquals(304, revalidated.status());
        assertEquals(backendReads, backendReads("/api/v1/articles/{slug}"));
    }

    @Test
    void mastheadTellsTheCdnToKeepContentAnswersForADay() {
        Admin.Article a = admin.publish("Ferry timetable changes");
        String path = "/api/v1/articles/" + a.slug();
        for (int i = 0; i < 2; i++) { // the pipeline, then this instance's own cache hit (CachedReads)
            Http.Answer direct = Http.get(masthead.url(path));
            assertEquals(200, direct.status());
            assertEquals("max-age=86400", direct.header("Surrogate-Control"));
            assertTrue(direct.header("Surrogate-Key").contains(a.surrogateKey()), direct.header("Surrogate-Key"));
        }
        assertEquals("max-age=86400", Http.get(masthead.url("/api/v1/articles")).header("Surrogate-Control"));
    }

    @Test
    void headlineCorrectionIsServedThroughVarnishWithinTwoSeconds() {
        Admin.Article a = admin.publish("Council approves budget");
        String path = "/api/v1/articles/" + a.slug();
        cached(path);
        // The write alone: its commit queues the purge (no purge is asked for here).
        admin.correctHeadline(a, "Council approves revised budget");
        long committed = System.nanoTime();
        Deadline.await(FRESH_WITHIN, "Varnish serves the correction", () ->
                "Council approves revised budget".equals(Http.get(varnish.url(path)).json().get("headline").asText()));
        System.out.printf("correction commit-to-fresh through Varnish: %d ms%n", (System.nanoTime() - committed) / 1_000_000);
    }

    @Test
    void newPublishShowsInTheListThroughVarnishWithinTwoSeconds() {
        String list = "/api/v1/articles?limit=100";
        cached(list);
        Admin.Article a = admin.publish("Library extends opening hours");
        Deadline.await(FRESH_WITHIN, "the list through Varnish shows the new article",
                () -> Http.get(varnish.url(list)).body().contains(a.id()));
    }

    @Test
    void unpublishGivesA404AndAKillA410ThroughVarnishWithinTwoSeconds() {
        Admin.Article pulled = admin.publish("Bridge closes for repairs");
        Admin.Article killed = admin.publish("Court case named in error");
        String list = "/api/v1/articles?limit=100";
        for (Admin.Article a : List.of(pulled, killed)) {
            cached("/api/v1/articles/" + a.slug());
        }
        Deadline.await(FRESH_WITHIN, "both in the cached list", () -> {
            String body = Http.get(varnish.url(list)).body();
            return body.contains(pulled.id()) && body.contains(killed.id());
        });

        admin.unpublish(pulled);
        Deadline.await(FRESH_WITHIN, "Varnish answers 404 for the unpublished article",
                () -> Http.get(varnish.url("/api/v1/articles/" + pulled.slug())).status() == 404);
        admin.kill(killed);
        Deadline.await(FRESH_WITHIN, "Varnish answers 410 for the killed article",
                () -> Http.get(varnish.url("/api/v1/articles/" + killed.slug())).status() == 410);
        Http.Answer gone = Http.get(varnish.url("/api/v1/articles/" + killed.slug()));
        assertTrue(gone.header("Content-Type").startsWith("application/problem+json"), gone.header("Content-Type"));
        assertEquals("urn:masthead:problem:gone", gone.json().get("type").asText());
        Deadline.await(FRESH_WITHIN, "neither is in the list through Varnish", () -> {
            String body = Http.get(varnish.url(list)).body();
            return !body.contains(pulled.id()) && !body.contains(killed.id());
        });
        // The 410 is kept by Varnish too (tagged with the article's key, so a restore purges it).
        Deadline.await(FRESH_WITHIN, "the 410 is a hit",
                () -> "HIT".equals(Http.get(varnish.url("/api/v1/articles/" + killed.slug())).header("X-Cache")));
    }

    @Test
    void scheduledArticleAppearsInTheCachedListWithinTwoSecondsOfItsInstant() {
        String list = "/api/v1/articles?limit=100";
        Instant at = Instant.now().plusSeconds(4);
        Admin.Article a = admin.schedule("Night market opens on the quay", at);
        cached(list);
        assertTrue(!Http.get(varnish.url(list)).body().contains(a.id()), "not public before its instant");
        // Nothing is written at the instant: the purge queued for it by the scheduling write is what reaches Varnish.
        Deadline.await(Duration.between(Instant.now(), at).plus(FRESH_WITHIN), "the cached list shows it",
                () -> Http.get(varnish.url(list)).body().contains(a.id()));
        System.out.printf("scheduled article in the list %d ms after its instant%n",
                Duration.between(at, Instant.now()).toMillis());
    }

    /**
     * A published article whose own purges (the publish's and its confirming repeat,
     * MASTHEAD_PURGE_REPEAT_AFTER) are done, so a test about hits is not racing them.
     */
    private static Admin.Article publishedAndPurged(String headline) {
        Admin.Article a = admin.publish(headline);
        Deadline.await(Duration.ofSeconds(8), "the publish's purges are settled", () -> row(a.surrogateKey()) == null);
        return a;
    }

    /** Reads {@code path} through Varnish until it is a hit, so a later change must be purged to show. */
    private static void cached(String path) {
        Deadline.await(Duration.ofSeconds(5), "Varnish holds " + path, () -> {
            Http.Answer answer = Http.get(varnish.url(path));
            return answer.status() == 200 && "HIT".equals(answer.header("X-Cache"));
        });
    }

    @Test
    void purgesWaitWhileVarnishIsDownAndAreSentWhenItIsBack() throws SQLException {
        String key = "it-retry-" + UUID.randomUUID();
        varnish.stop();
        try {
            admin.purge(key);
            // Connection refused, retried with backoff (0.2 s, 0.4 s, …), never given up.
            Deadline.await(Duration.ofSeconds(10), "two failed attempts recorded", () -> {
                Row r = row(key);
                return r != null && r.attempts() >= 2 && r.lastError().contains("connection refused");
            });
        } finally {
            varnish.start();
        }
        Deadline.await(Duration.ofSeconds(5), "the queued purge is sent to Varnish and settled", () -> row(key) == null);
        assertTrue(varnish.purgedKeys().contains(key), "Varnish received the purge: " + varnish.purgedKeys());
    }

    @Test
    void varnishNeverCachesAdminAnswersOrAnythingWithCredentials() {
        Admin.Article a = publishedAndPurged("Bridge closed for repairs");
        String adminPath = "/api/v1/admin/articles/" + a.id();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + Masthead.ADMIN_TOKEN);
        for (int i = 0; i < 2; i++) {
            Http.Answer answer = Http.get(varnish.url(adminPath), bearer);
            assertEquals(200, answer.status());
            assertEquals("PASS", answer.header("X-Cache"));
        }
        String contentPath = "/api/v1/articles/" + a.slug();
        Http.get(varnish.url(contentPath));
        assertEquals("HIT", Http.get(varnish.url(contentPath)).header("X-Cache"));
        assertEquals("PASS", Http.get(varnish.url(contentPath), bearer).header("X-Cache"));
        // A 404 says nothing about how long it holds: not kept, so a publish a second later shows.
        Http.get(varnish.url("/api/v1/articles/it-not-yet-published"));
        Http.Answer missing = Http.get(varnish.url("/api/v1/articles/it-not-yet-published"));
        assertEquals(404, missing.status());
        assertTrue(!"HIT".equals(missing.header("X-Cache")), missing.header("X-Cache"));
    }

    @Test
    void purgeFromAnAddressOutsideTheAclIsRefusedAndChangesNothing() throws Exception {
        Admin.Article a = publishedAndPurged("Airport strike called off");
        String path = "/api/v1/articles/" + a.slug();
        Http.get(varnish.url(path));
        // 127.0.0.2 is loopback too, but not in the purgers ACL (127.0.0.1, ::1).
        assertEquals(403, rawPurge("127.0.0.2", a.surrogateKey()));
        assertEquals("HIT", Http.get(varnish.url(path)).header("X-Cache"));
        assertEquals(400, rawPurge("127.0.0.1", null), "a PURGE must name its keys");
        assertEquals(200, rawPurge("127.0.0.1", a.surrogateKey()));
        assertEquals("MISS", Http.get(varnish.url(path)).header("X-Cache"));
    }

    /** A PURGE sent from {@code from}; returns the status Varnish answers. */
    private static int rawPurge(String from, String keys) throws Exception {
        URI target = URI.create(varnish.purgeUrl());
        try (Socket socket = new Socket(InetAddress.getByName(target.getHost()), target.getPort(),
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(5000);
            String request = "PURGE / HTTP/1.1\r\nHost: varnish\r\n" + (keys == null ? "" : "xkey-purge: " + keys + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private record Row(int attempts, String lastError) {
    }

    private static Row row(String key) {
        try (Connection c = Postgres.connectTo(jdbcUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select attempts, coalesce(last_error, '') from cdn_purge where keys like '%"
                     + key + "%'")) {
            return r.next() ? new Row(r.getInt(1), r.getString(2)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many requests of this route Masthead has answered (pipeline and its own cache alike). */
    private static double backendReads(String route) {
        double total = 0;
        for (String line : Http.get(masthead.url("/q/metrics")).body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"" + route + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
