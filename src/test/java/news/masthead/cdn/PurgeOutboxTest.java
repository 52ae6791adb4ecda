package news.masthead.cdn;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import news.masthead.testsupport.TestClock;
import news.masthead.testsupport.Tokens;
import news.masthead.testsupport.processes.Deadline;
import news.masthead.testsupport.processes.PurgeRecorder;
import org.junit.jupiter.api.Test;

/**
 * The purge outbox against a real PostgreSQL, with a recorder standing in for Varnish. The worker
 * thread is off here ({@code every=off}); each test drives {@link PurgeWorker#drain()} itself, so
 * what is sent when is the test's to say. Keys are unique per test: rows other tests leave behind
 * may be drained along, and never disturb the counts.
 */
@QuarkusTest
@TestProfile(PurgeOutboxTest.Purging.class)
class PurgeOutboxTest {
    static final int MAX_HEADER = 120;

    public static class Purging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("masthead.purge.every", "off",
                    "masthead.purge.backoff-base", "0.2s",
                    "masthead.purge.backoff-max", "0.5s",
                    "masthead.purge.lease", "1s",
                    "masthead.purge.repeat-after", "0.3s",
                    "masthead.purge.max-header-bytes", Integer.toString(MAX_HEADER));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Recorder.class));
        }
    }

    /** Starts the recorder before Quarkus, so its URL can be the purge URL. */
    public static class Recorder implements QuarkusTestResourceLifecycleManager {
        static PurgeRecorder recorder;

        @Override
        public Map<String, String> start() {
            recorder = PurgeRecorder.start();
            return Map.of("masthead.purge.url", recorder.url());
        }

        @Override
        public void stop() {
            recorder.close();
        }
    }

    @Inject
    PurgeOutbox outbox;
    @Inject
    PurgeQueue queue;
    @Inject
    PurgeWorker worker;
    @Inject
    AgroalDataSource db;

    @Test
    void enqueueOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.enqueue(List.of(key("outside"))));
    }

    @Test
    void rolledBackChangeQueuesNoPurge() {
        String key = key("rollback");
        QuarkusTransaction.begin();
        outbox.enqueue(List.of(key));
        QuarkusTransaction.rollback();
        assertEquals(List.of(), rowsWith(key));
    }

    @Test
    void keysQueuedByOneTransactionShareOneRowEachOnce() {
        String a = key("a");
        String b = key("b");
        String c = key("c");
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(List.of(a, b));
            outbox.enqueue(List.of(b, c));
        });
        assertEquals(List.of(a + " " + b + " " + c), rowsWith(a));
    }

    @Test
    void drainSendsEachKeyOnceWithinTheHeaderLimitThenConfirmsAfterTheRepeatDelay() {
        List<String> keys = IntStream.range(0, 30).mapToObj(i -> key("batch" + i)).toList();
        for (int i = 0; i < keys.size(); i += 3) {
            List<String> three = keys.subList(i, i + 3);
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(three));
        }
        // Rows of the same keys from two transactions: merged into the same requests, sent once.
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(keys.subList(0, 3)));

        worker.drain();
        for (String key : keys) {
            assertEquals(1, recorder().count(key), key);
        }
        for (String header : recorder().headers()) {
            assertTrue(header.length() <= MAX_HEADER, header.length() + " bytes: " + header);
        }
        // The confirming purge waits for repeat-after.
        worker.drain();
        assertEquals(1, recorder().count(keys.get(0)));
        TestClock.get().advance(Duration.ofMillis(300));
        worker.drain();
        for (String key : keys) {
            assertEquals(2, recorder().count(key), key);
        }
        assertEquals(List.of(), rowsWith("batch"), "done rows are deleted");
    }

    @Test
    void refusedPurgeIsRetriedWithGrowingBackoffUntilTheCdnConfirms() {
        String key = key("retry");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(key)));
        recorder().answer(503);
        try {
            // The backoff each failure chose lies between next_attempt_at less the instant after the
            // drain and next_attempt_at less the instant before it, however slow the machine is.
            List<Double> expected = List.of(0.2, 0.4, 0.5);
            for (int attempt = 1; attempt <= 3; attempt++) {
                if (attempt > 1) {
                    TestClock.get().advancePast(dueAt(key));
                }
                double before = epochSeconds(TestClock.get().instant());
                worker.drain();
                double after = epochSeconds(TestClock.get().instant());
                assertEquals(attempt, attempts(key));
                double due = epochSeconds(dueAt(key));
                double backoff = expected.get(attempt - 1);
                assertTrue(due - after <= backoff + 1e-3 && backoff <= due - before + 1e-3,
                        "attempt " + attempt + ": backoff " + backoff + " s not in [" + (due - after) + ", " + (due - before) + "]");
                assertTrue(lastError(key).contains("HTTP 503"), lastError(key));
            }
            assertEquals(0, recorder().count(key));
        } finally {
            recorder().answer(200);
        }
        TestClock.get().advancePast(dueAt(key));
        worker.drain();
        assertEquals(1, recorder().count(key), "the purge once the CDN answers");
    }

    @Test
    void concurrentClaimsNeverTakeTheSameRow() {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> key("claim" + i)).toList();
        keys.forEach(k -> QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(k))));
        List<CompletableFuture<List<PurgeQueue.Row>>> claimers = IntStream.range(0, 4).mapToObj(i ->
                CompletableFuture.supplyAsync(() -> {
                    List<PurgeQueue.Row> mine = new ArrayList<>();
                    for (List<PurgeQueue.Row> got = queue.claim(3).rows(); !got.isEmpty(); got = queue.claim(3).rows()) {
                        mine.addAll(got);
                    }
                    return mine;
                })).toList();
        Set<Long> seen = new HashSet<>();
        Set<String> claimedKeys = new HashSet<>();
        for (var claimer : claimers) {
            for (PurgeQueue.Row row : claimer.join()) {
                assertTrue(seen.add(row.id()), "row " + row.id() + " claimed twice");
                claimedKeys.addAll(row.keys());
            }
        }
        assertTrue(claimedKeys.containsAll(keys), "every row was claimed by someone");
    }

    @Test
    void rowOfAClaimerThatDiedComesBackAfterItsLeaseAndItsLateResultChangesNothing() {
        String key = key("lease");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(key)));
        PurgeQueue.Claim dead = Deadline.until(Duration.ofSeconds(5), "the first claim", () -> {
            PurgeQueue.Claim c = queue.claim(100);
            return c.rows().stream().anyMatch(r -> r.keys().contains(key)) ? c : null;
        });
        long id = dead.rows().stream().filter(r -> r.keys().contains(key)).findFirst().orElseThrow().id();
        assertFalse(queue.claim(100).rows().stream().anyMatch(r -> r.id() == id), "leased: nobody else takes it");
        TestClock.get().advance(Duration.ofSeconds(1));
        PurgeQueue.Claim heir = Deadline.until(Duration.ofSeconds(5), "the row back after the 1 s lease", () -> {
            PurgeQueue.Claim c = queue.claim(100);
            return c.rows().stream().anyMatch(r -> r.id() == id) ? c : null;
        });
        assertEquals(2, heir.rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow().attempt());
        queue.purged(dead.token(), List.of(id));
        queue.failed(dead.token(), List.of(id), "too late");
        assertEquals(2, attempts(key), "the late claimer settled nothing");
        assertNull(lastError(key));
        queue.purged(heir.token(), List.of(id));
        assertEquals(0, attempts(key), "its heir settled it: the confirming purge is next");
    }

    @Test
    void purgeQueuedForAnInstantIsSentThenAndNotBefore() {
        String key = key("deferred");
        Instant at = Instant.now().plusMillis(700);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(key), at));
        worker.drain();
        assertEquals(0, recorder().count(key));
        TestClock.get().advancePast(at);
        worker.drain();
        assertEquals(1, recorder().count(key), "the purge at its instant");
        assertFalse(TestClock.get().instant().isBefore(at), "not before its instant");
    }

    @Test
    void editorPurgesKeysByHandEachOnce() {
        String key = key("manual");
        given().header("Authorization", "Bearer " + Tokens.secret("editor")).contentType("application/json")
                .body(Map.of("keys", List.of(key, key)))
                .post("/api/v1/admin/cdn/purges")
                .then().statusCode(202).body("keys", contains(key));
        assertEquals(List.of(key), rowsWith(key));
    }

    @Test
    void manualPurgeOfNoKeysOrOfMalformedKeysIsAProblem() {
        for (Object keys : List.of(List.of(), List.of("two words"), List.of("x\r\nInjected: yes"))) {
            admin().body(Map.of("keys", keys)).post("/api/v1/admin/cdn/purges")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:masthead:problem:validation"));
        }
        given().header("Authorization", "Bearer " + Tokens.secret("writer")).contentType("application/json")
                .body(Map.of("keys", List.of(key("writer")))).post("/api/v1/admin/cdn/purges")
                .then().statusCode(403);
    }

    @Test
    void contentAnswersTellTheCdnToKeepThemForADayOnPipelineAndCacheHit() {
        for (int i = 0; i < 2; i++) {
            given().get("/api/v1/sections").then().statusCode(200)
                    .header("Surrogate-Control", "max-age=86400")
                    .header("Cache-Control", "public, max-age=60, stale-while-revalidate=30");
        }
        // Feeds carry surrogate keys too (their list's, the default notice's, "feeds"), so the CDN may keep them as long.
        given().get("/api/v1/feeds/json").then().statusCode(200).header("Surrogate-Control", "max-age=86400")
                .header("Surrogate-Key", containsString("feeds articles"));
    }

    private static PurgeRecorder recorder() {
        return Recorder.recorder;
    }

    private static String key(String what) {
        return "t-" + what + "-" + UUID.randomUUID();
    }

    private List<String> rowsWith(String fragment) {
        return query("select keys from cdn_purge where keys like ? order by id", fragment, r -> r.getString(1));
    }

    private int attempts(String key) {
        return query("select attempts from cdn_purge where keys like ?", key, r -> r.getInt(1)).get(0);
    }

    private String lastError(String key) {
        return query("select last_error from cdn_purge where keys like ?", key, r -> r.getString(1)).get(0);
    }

    private Instant dueAt(String key) {
        return query("select next_attempt_at from cdn_purge where keys like ?", key,
                r -> r.getTimestamp(1).toInstant()).get(0);
    }

    private static double epochSeconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }

    private interface Column<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, String fragment, Column<T> column) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "%" + fragment + "%");
            try (ResultSet r = s.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (r.next()) {
                    values.add(column.read(r));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
