package news.masthead.stream;

import static news.masthead.testsupport.Articles.article;
import static news.masthead.testsupport.EventStreams.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.EventStreams;
import news.masthead.testsupport.EventStreams.Event;
import org.junit.jupiter.api.Test;

/**
 * Joining the stream while it is busy. A subscriber's response head used to be written by whichever
 * of two threads came first, the request's (Quarkus REST, after the resource method) or the stream's
 * (its join comment), and now and then both tried: 4 subscribers in 10,000 of the benchmark, and
 * about 1 in 100 of the crowd below, lost their stream or were told to reset.
 */
@QuarkusTest
class StreamJoinTest {
    private static final int SUBSCRIBERS = 300;

    @Inject
    StreamHub hub;

    @Test
    void theHubOpensASubscriberOnTheSubscribingThreadBeforeItsOwnThreadWritesToIt() throws Exception {
        Recording sink = new Recording();
        hub.subscribe(new Subscription(null, null, sink), Optional.empty());
        String caller = Thread.currentThread().getName();
        try {
            // Recorded before subscribe returned, whatever the hub's thread has done since.
            assertEquals("open " + caller, sink.next());
            String joined = sink.next();
            assertTrue(joined.startsWith("keep-alive "), joined);
            assertNotEquals("keep-alive " + caller, joined);

            Created a = article().published();
            String event;
            do {
                event = sink.next();
            } while (!event.contains(a.id()));
            assertTrue(event.startsWith("article.published "), event);
        } finally {
            sink.closed = true; // the hub drops it at its next write
        }
    }

    @Test
    void everySubscriberOfACrowdJoiningWhileArticlesPublishHearsTheNextEvent() throws Exception {
        String url = EventStreams.base() + "/api/v1/stream";
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicBoolean joining = new AtomicBoolean(true);
        // Events keep flowing while the crowd joins: the hub writes to subscribers all along.
        CompletableFuture<Integer> publisher = CompletableFuture.supplyAsync(() -> {
            int published = 0;
            while (joining.get()) {
                article().published();
                published++;
            }
            return published;
        });
        List<EventStreams> streams = new ArrayList<>();
        try {
            List<Future<EventStreams>> opening = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                opening.add(pool.submit(() -> EventStreams.live(url, Map.of())));
            }
            for (Future<EventStreams> f : opening) {
                streams.add(f.get());
            }
            joining.set(false);
            assertTrue(publisher.get() > 0, "no article was published while the subscribers joined");

            Created marker = article().published();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                try {
                    List<Event> events = streams.get(i).until(is("article.published", marker.id()),
                            Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                    if (events.stream().anyMatch(e -> e.name().equals("reset"))) {
                        failures.add("subscriber " + i + " was told to reset: " + events);
                    }
                } catch (AssertionError e) {
                    failures.add("subscriber " + i + ": " + e.getMessage());
                }
            }
            assertEquals(List.of(), failures, failures.size() + " of " + SUBSCRIBERS + " subscribers failed");
        } finally {
            joining.set(false);
            pool.shutdownNow();
            streams.forEach(EventStreams::close);
        }
    }

    /** A subscriber that records, in order, what was done to it and on which thread. */
    private static final class Recording implements Subscription.Sink {
        private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override
        public void open() {
            calls.add("open " + Thread.currentThread().getName());
        }

        @Override
        public boolean send(String event, String id, String data) {
            calls.add(event + " " + data + " " + Thread.currentThread().getName());
            return !closed;
        }

        @Override
        public boolean keepAlive() {
            calls.add("keep-alive " + Thread.currentThread().getName());
            return !closed;
        }

        String next() throws InterruptedException {
            String call = calls.poll(20, TimeUnit.SECONDS);
            if (call == null) {
                throw new AssertionError("nothing more was written to the subscriber within 20 s");
            }
            return call;
        }
    }
}
