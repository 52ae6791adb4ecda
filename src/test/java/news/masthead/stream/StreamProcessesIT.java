package news.masthead.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import news.masthead.testsupport.EventStreams;
import news.masthead.testsupport.EventStreams.Event;
import news.masthead.testsupport.processes.Admin;
import news.masthead.testsupport.processes.Harness;
import news.masthead.testsupport.processes.Masthead;
import news.masthead.testsupport.processes.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event stream across real processes: a write committed through one JVM reaches a subscriber
 * of another JVM on the same PostgreSQL, through that instance's one listener connection.
 */
class StreamProcessesIT {
    @RegisterExtension
    static final Harness harness = new Harness();

    static Masthead writer;
    static Masthead reader;

    @BeforeAll
    static void start() {
        Postgres pg = harness.postgres();
        String db = pg.newDatabase("stream");
        CompletableFuture<Masthead> one = CompletableFuture.supplyAsync(() -> harness.masthead("writer", db, Map.of()));
        CompletableFuture<Masthead> two = CompletableFuture.supplyAsync(() -> harness.masthead("reader", db, Map.of()));
        writer = one.join();
        reader = two.join();
        new Admin(writer).ensureDefaultNotice();
    }

    @Test
    void anArticlePublishedThroughOneProcessReachesASubscriberOfAnotherWithinASecond() {
        Admin admin = new Admin(writer);
        try (EventStreams stream = EventStreams.live(reader.url("/api/v1/stream"), Map.of())) {
            for (int i = 0; i < 5; i++) {
                Admin.Article a = admin.publish("Across processes " + i);
                long committed = System.nanoTime();
                List<Event> events = stream.until(EventStreams.is("article.published", a.id()), Duration.ofSeconds(10));
                long millis = (System.nanoTime() - committed) / 1_000_000;
                System.out.printf("stream across processes: delivered %d ms after the publish answered%n", millis);
                assertTrue(millis < 1000, "delivered after " + millis + " ms");
                assertTrue(events.get(events.size() - 1).data().contains("\"slug\":\"" + a.slug() + "\""));
            }
        }
    }

    @Test
    void aDraftWrittenThroughOneProcessNeverReachesThePublicStreamOfAnother() {
        Admin admin = new Admin(writer);
        try (EventStreams stream = EventStreams.live(reader.url("/api/v1/stream"), Map.of());
             EventStreams preview = EventStreams.live(reader.url("/api/v1/preview/stream"),
                     Map.of("Authorization", "Bearer " + Masthead.ADMIN_TOKEN))) {
            Admin.Article draft = admin.draft("Not yet");
            Admin.Article marker = admin.publish("Marker");
            List<Event> events = stream.until(EventStreams.is("article.published", marker.id()), Duration.ofSeconds(10));
            assertFalse(events.stream().anyMatch(e -> EventStreams.about(e, draft.id())), events.toString());
            List<Event> previewed = preview.until(EventStreams.is("article.published", marker.id()), Duration.ofSeconds(10));
            assertEquals(1, previewed.stream().filter(EventStreams.is("article.changed", draft.id())).count(), previewed.toString());
        }
    }
}
