package news.masthead.webhook;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.masthead.article.ArticleService;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.TestClock;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.webhook.Hooks.Hook;
import news.masthead.webhook.Hooks.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryQueue queue;

    @Inject
    AgroalDataSource db;

    @Inject
    ArticleService articles;

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resumeTheWorker() {
        worker.resume();
    }

    @Test
    void aFailingReceiverGetsTheEventOnTheThirdAttemptSignedAndIdentical() throws Exception {
        worker.pause();
        try (Receiver receiver = Receiver.answering(500, 500)) {
            Hook hook = Hooks.create(receiver.url(), "article.published");
            try {
                Created a = article().published();
                TestClock clock = TestClock.get();
                drain();
                assertEquals(1, signedFor(hook, receiver.requests()).size(), "the first attempt goes out at once");
                // Each retry waits out its backoff, base then twice the base (wall time passes too: half is safe).
                clock.advance(config.backoffBase().dividedBy(2));
                drain();
                assertEquals(1, signedFor(hook, receiver.requests()).size(), "not retried before its backoff has passed");
                clock.advance(config.backoffBase().dividedBy(2));
                drain();
                assertEquals(2, signedFor(hook, receiver.requests()).size(), "retried once the backoff has passed");
                clock.advance(config.backoffBase().multipliedBy(2));
                drain();
                Instant thirdSent = clock.instant();
                clock.advance(config.backoffMax());
                drain();
                List<Receiver.Request> got = signedFor(hook, receiver.await(r -> signedFor(hook, r).size() >= 3, PATIENCE));
                List<Map<String, Object>> log = awaitLog(hook, l -> l.size() >= 3);
                assertEquals(3, got.size(), "a delivered event is not sent again");

                Receiver.Request third = got.get(2);
                assertEquals("article.published", third.header("X-Masthead-Event"));
                assertEquals("application/json", third.header("Content-Type"));
                String delivery = third.header("X-Masthead-Delivery");
                for (Receiver.Request r : got) {
                    assertEquals(delivery, r.header("X-Masthead-Delivery"), "one delivery id across retries");
                    assertTrue(Arrays.equals(got.get(0).body(), r.body()), "every retry sends the same bytes");
                    assertEquals(hmac(hook.secret(), r.header("X-Masthead-Timestamp"), r.body()),
                            r.header("X-Masthead-Signature"));
                }
                long timestamp = Long.parseLong(third.header("X-Masthead-Timestamp"));
                assertTrue(Math.abs(thirdSent.getEpochSecond() - timestamp) < 60, "unix seconds, now");

                JsonNode body = json.readTree(third.body());
                assertEquals(List.of("id", "type", "at", "article"), names(body));
                assertEquals("article.published", body.get("type").asText());
                Instant.parse(body.get("at").asText());
                assertEquals(a.id(), body.at("/article/id").asText());
                assertEquals(a.slug(), body.at("/article/slug").asText());
                assertEquals(2, body.at("/article/revision").asInt());
                assertEquals("published", body.at("/article/status").asText());

                assertEquals(3, log.size());
                for (int i = 0; i < 3; i++) {
                    Map<String, Object> row = log.get(i);
                    assertEquals(3 - i, row.get("attempt"), "newest first");
                    assertEquals(delivery, row.get("deliveryId"));
                    assertEquals(body.get("id").asText(), row.get("eventId"));
                    assertEquals("article.published", row.get("eventType"));
                    assertNotNull(row.get("at"));
                    assertNull(row.get("error"));
                    assertTrue((Integer) row.get("durationMs") >= 0);
                }
                assertEquals(204, log.get(0).get("responseStatus"));
                assertEquals("delivered", log.get(0).get("outcome"));
                assertEquals(500, log.get(1).get("responseStatus"));
                assertEquals("retrying", log.get(1).get("outcome"));
                assertEquals("retrying", log.get(2).get("outcome"));
                Row row = Hooks.rows(db, hook.id()).get(0);
                assertEquals("delivered", row.state());
                assertEquals(3, row.attempts());
            } finally {
                hook.delete();
            }
        }
    }

    @Test
    void aRotatedSecretSignsTheNextDelivery() throws Exception {
        worker.resume();
        try (Receiver receiver = Receiver.answering()) {
            Hook hook = Hooks.create(receiver.url(), "article.published");
            try {
                String rotated = "rotated-secret-" + UUID.randomUUID();
                admin().contentType("application/merge-patch+json").body(Map.of("secret", rotated)).patch(hook.path())
                        .then().statusCode(200);
                article().published();
                Receiver.Request r = receiver.await(l -> l.size() >= 1, PATIENCE).get(0);
                assertEquals(hmac(rotated, r.header("X-Masthead-Timestamp"), r.body()), r.header("X-Masthead-Signature"));
            } finally {
                hook.delete();
            }
        }
    }

    /** Killing Masthead between the commit and the delivery loses no event. */
    @Test
    void theEventIsPendingInTheOutboxRightAfterTheCommitAndSurvivesACrashedClaimer() throws Exception {
        worker.pause();
        try (Receiver receiver = Receiver.answering()) {
            Hook hook = Hooks.create(receiver.url(), "article.published");
            try {
                Created a = article().published();

                List<Row> rows = Hooks.rows(db, hook.id());
                assertEquals(1, rows.size(), "committed with the article");
                Row row = rows.get(0);
                assertEquals("pending", row.state());
                assertEquals(0, row.attempts());
                assertNull(row.lockedUntil());
                assertEquals("article.published", row.eventType());
                assertEquals(UUID.fromString(a.id()), row.articleId());
                assertTrue(row.payload().contains(a.id()));

                // A worker claims the row and dies before sending: the lease keeps others off it...
                List<Claim> dead = mine(queue.claim(100), hook, true);
                assertEquals(1, dead.size());
                assertTrue(mine(queue.claim(100), hook, true).isEmpty(), "a leased row is nobody else's");
                assertNotNull(Hooks.rows(db, hook.id()).get(0).lockedUntil());
                assertTrue(receiver.requests().isEmpty());

                // ...until it passes: then any worker delivers it.
                TestClock.get().advance(config.lease().dividedBy(2));
                assertTrue(mine(queue.claim(100), hook, true).isEmpty(), "still leased before the lease ends");
                TestClock.get().advance(config.lease().dividedBy(2));
                // Moving the clock by a lease can bring due other tests' scheduled articles, whose
                // events this hook also receives: everything below is about this row, by its id.
                for (int i = 0; i < 50 && !"delivered".equals(rowNow(hook, row).state()); i++) {
                    worker.runOnce();
                }
                String delivery = row.id().toString();
                List<Receiver.Request> got = receiver.await(
                        l -> l.stream().anyMatch(r -> delivery.equals(r.header("X-Masthead-Delivery"))), PATIENCE).stream()
                        .filter(r -> delivery.equals(r.header("X-Masthead-Delivery"))).toList();
                assertEquals(1, got.size());
                // The result is recorded just after the answer arrives: wait for it before reading the row.
                List<Map<String, Object>> log = awaitLog(hook, l -> l.stream().anyMatch(e -> delivery.equals(e.get("deliveryId"))))
                        .stream().filter(e -> delivery.equals(e.get("deliveryId"))).toList();
                Row after = rowNow(hook, row);
                assertEquals("delivered", after.state());
                assertEquals(2, after.attempts(), "the crashed claim counts as an attempt");
                assertEquals(1, log.size(), "the crashed attempt left no log row");
                assertEquals(2, log.get(0).get("attempt"));
                assertEquals("delivered", log.get(0).get("outcome"));
            } finally {
                hook.delete();
            }
        }
    }

    @Test
    void aRolledBackArticleChangeQueuesNothing() {
        Created draft = article().draft();
        Hook hook = Hooks.create("https://hooks.example.com/rollback", "article.published");
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            QuarkusTransaction.begin();
            try {
                articles.publish(UUID.fromString(draft.id()), draft.etag(), null);
                Number inside = (Number) em.createNativeQuery("select count(*) from webhook_delivery where webhook_id = ?1")
                        .setParameter(1, UUID.fromString(hook.id())).getSingleResult();
                assertEquals(1, inside.intValue(), "queued in the article's own transaction");
            } finally {
                QuarkusTransaction.rollback();
            }
            assertTrue(Hooks.rows(db, hook.id()).isEmpty(), "the rollback took the event with it");
            admin().get(draft.adminPath()).then().statusCode(200).body("status", containsString("draft"));
        } finally {
            if (activated) {
                requests.terminate();
            }
            hook.delete();
        }
    }

    @Test
    void twoWorkersClaimingAtOnceNeverTakeTheSameRow() throws Exception {
        worker.pause();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Receiver receiver = Receiver.answering()) {
            Hook hook = Hooks.create(receiver.url(), "article.published");
            try {
                for (int i = 0; i < 12; i++) {
                    article().published();
                }
                // Small batches, so the two claimers interleave over several rounds.
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<List<Claim>>> claims = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    claims.add(threads.submit(() -> {
                        start.await();
                        List<Claim> taken = new ArrayList<>();
                        for (List<Claim> batch = queue.claim(3); !batch.isEmpty(); batch = queue.claim(3)) {
                            taken.addAll(batch);
                        }
                        return taken;
                    }));
                }
                List<Claim> first = claims.get(0).get();
                List<Claim> second = claims.get(1).get();
                Set<UUID> ids = new HashSet<>();
                for (Claim c : mine(first, hook, false)) {
                    assertTrue(ids.add(c.deliveryId()), "claimed twice: " + c.deliveryId());
                }
                for (Claim c : mine(second, hook, false)) {
                    assertTrue(ids.add(c.deliveryId()), "claimed twice: " + c.deliveryId());
                }
                assertEquals(12, ids.size(), "together they claimed every due row");

                Future<?> a = threads.submit(() -> worker.deliver(first));
                Future<?> b = threads.submit(() -> worker.deliver(second));
                a.get();
                b.get();
                // Each claimed row got exactly one attempt, from one of the two workers. An attempt the
                // loaded machine lets time out is recorded as retrying: that is no double send.
                List<Map<String, Object>> log = awaitLog(hook, l -> l.size() >= 12);
                assertEquals(12, log.size(), "one attempt per claimed row: " + log);
                assertEquals(12, log.stream().map(l -> l.get("deliveryId")).distinct().count(), log.toString());
                Set<Object> delivered = new HashSet<>();
                log.stream().filter(l -> "delivered".equals(l.get("outcome"))).forEach(l -> delivered.add(l.get("deliveryId")));
                assertFalse(delivered.isEmpty(), "nothing was delivered: " + log);
                List<Receiver.Request> got = receiver.await(l -> l.size() >= delivered.size(), PATIENCE);
                Set<Object> received = new HashSet<>();
                for (Receiver.Request r : got) {
                    String id = r.header("X-Masthead-Delivery");
                    assertTrue(received.add(id), "received twice: " + id);
                }
                assertTrue(received.containsAll(delivered), "every delivered attempt reached the receiver: " + log);
            } finally {
                hook.delete();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoWorkersDrainingTogetherDeliverEachEventOnce() throws Exception {
        worker.pause();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Receiver receiver = Receiver.answering()) {
            Hook hook = Hooks.create(receiver.url(), "article.published", "article.updated");
            try {
                for (int i = 0; i < 15; i++) {
                    article().published();
                }
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < 40 && Hooks.rows(db, hook.id()).stream()
                                .anyMatch(r -> r.state().equals("pending")); i++) {
                            worker.runOnce();
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
                List<Receiver.Request> got = receiver.requests();
                assertEquals(15, got.size());
                assertEquals(15, got.stream().map(r -> r.header("X-Masthead-Delivery")).distinct().count());
                assertTrue(Hooks.rows(db, hook.id()).stream().allMatch(r -> r.state().equals("delivered")
                        && r.attempts() == 1));
            } finally {
                hook.delete();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void articleChangesMapToTheEventsTheirSubscribersAskedFor() throws Exception {
        worker.pause();
        Hook all = Hooks.create("https://hooks.example.com/all", "article.published", "article.updated",
                "article.unpublished", "article.trashed");
        Hook trashOnly = Hooks.create("https://hooks.example.com/trash", "article.trashed");
        Hook inactive = Hooks.create(Map.of("url", "https://hooks.example.com/off", "events", List.of("article.published"),
                "active", false));
        try {
            Created a = article().draft();
            patch(a, Map.of("summary", "Edited while a draft."));
            assertTrue(Hooks.rows(db, all.id()).isEmpty(), "drafts say nothing");

            String etag = admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish")
                    .then().statusCode(200).extract().header("ETag");
            patch(a, Map.of("summary", "Edited while public."));
            admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/unpublish").then().statusCode(200);
            patch(a, Map.of("summary", "Edited while unpublished."));
            admin().header("If-Match", a.currentEtag()).delete(a.adminPath()).then().statusCode(204);

            List<Row> rows = Hooks.rows(db, all.id());
            assertEquals(List.of("article.published", "article.updated", "article.unpublished", "article.trashed"),
                    rows.stream().map(Row::eventType).toList());
            assertEquals(List.of("published", "published", "unpublished", "trashed"),
                    rows.stream().map(r -> status(r.payload())).toList());
            assertEquals(Integer.parseInt(etag.replace("\"", "")), json.readTree(rows.get(0).payload())
                    .at("/article/revision").asInt());
            assertEquals(List.of("article.trashed"), Hooks.rows(db, trashOnly.id()).stream().map(Row::eventType).toList());
            assertEquals(rows.get(3).eventId(), Hooks.rows(db, trashOnly.id()).get(0).eventId(),
                    "one event id for every subscriber");
            assertTrue(Hooks.rows(db, inactive.id()).isEmpty(), "inactive webhooks are not told");
        } finally {
            all.delete();
            trashOnly.delete();
            inactive.delete();
        }
    }

    @Test
    void aScheduledArticleIsAnnouncedWhenItGoesPublicAndNotIfTheScheduleIsCancelled() throws Exception {
        worker.pause();
        try (Receiver receiver = Receiver.answering()) {
            Hook hook = Hooks.create(receiver.url(), "article.published", "article.unpublished");
            try {
                Created cancelled = article().draft();
                Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                admin().header("If-Match", cancelled.etag()).body(Map.of("at", later.toString()))
                        .post(cancelled.adminPath() + "/publish").then().statusCode(200);
                Row deferred = Hooks.rows(db, hook.id()).get(0);
                assertEquals("article.published", deferred.eventType());
                assertEquals(later, deferred.nextAttemptAt().toInstant(), "due when the article goes public");
                assertEquals(later, Instant.parse(json.readTree(deferred.payload()).get("at").asText()));
                admin().header("If-Match", cancelled.currentEtag()).post(cancelled.adminPath() + "/unpublish")
                        .then().statusCode(200);
                assertTrue(Hooks.rows(db, hook.id()).isEmpty(), "a cancelled schedule announces nothing");

                Created soon = article().draft();
                Instant at = Instant.now().plus(Duration.ofSeconds(2));
                admin().header("If-Match", soon.etag()).body(Map.of("at", at.toString()))
                        .post(soon.adminPath() + "/publish").then().statusCode(200);
                drain();
                assertTrue(receiver.requests().isEmpty(), "not before the article is public");
                // The background worker, too, sees the moved clock.
                TestClock.get().advancePast(at);
                worker.resume();
                Receiver.Request r = receiver.await(l -> l.size() >= 1, PATIENCE).get(0);
                assertFalse(TestClock.get().instant().isBefore(at), "not before the article is public");
                JsonNode body = json.readTree(r.body());
                assertEquals(soon.id(), body.at("/article/id").asText());
                assertEquals("published", body.at("/article/status").asText());
            } finally {
                hook.delete();
            }
        }
    }

    /** Delivers every row due now, as the scheduled worker does while batches come back full. */
    private void drain() {
        while (worker.runOnce() == config.batchSize()) {
            // a full batch: there may be more
        }
    }

    private static void patch(Created a, Map<String, Object> fields) {
        admin().contentType("application/merge-patch+json").header("If-Match", a.currentEtag()).body(fields)
                .patch(a.adminPath()).then().statusCode(200);
    }

    private String status(String payload) {
        try {
            return json.readTree(payload).at("/article/status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This test's claims; with {@code deliverOthers}, rows of other tests' webhooks are not left leased. */
    private List<Claim> mine(List<Claim> claims, Hook hook, boolean deliverOthers) {
        List<Claim> others = claims.stream().filter(c -> !c.webhookId().toString().equals(hook.id())).toList();
        if (deliverOthers) {
            worker.deliver(others);
        }
        return claims.stream().filter(c -> c.webhookId().toString().equals(hook.id())).toList();
    }

    /** The webhook's delivery log once it satisfies {@code done}: results are recorded just after the answer. */
    private Row rowNow(Hook hook, Row row) {
        return Hooks.rows(db, hook.id()).stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> awaitLog(Hook hook, Predicate<List<Map<String, Object>>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath page = admin().get(hook.path() + "/deliveries").then().statusCode(200)
                    .contentType(containsString("application/json")).extract().jsonPath();
            List<Map<String, Object>> data = page.getList("data");
            if (done.test(data) || System.nanoTime() > deadline) {
                return data;
            }
            Thread.sleep(100);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The signature as a subscriber computes it, independently of the server's code. */
    /**
     * The requests signed with this hook's secret. The clock moves an hour ahead here, which brings
     * due the retries of earlier tests' webhooks too; one whose receiver happened to have this
     * receiver's port (ports are reused) would otherwise count as a resend.
     */
    private static List<Receiver.Request> signedFor(Hook hook, List<Receiver.Request> requests) {
        return requests.stream().filter(r -> {
            try {
                return hmac(hook.secret(), r.header("X-Masthead-Timestamp"), r.body()).equals(r.header("X-Masthead-Signature"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
