package news.masthead.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent events client for tests: opens a stream, parses its events (comments included, as
 * events named {@code :}) on a thread of its own, and hands them out in order.
 */
public final class EventStreams implements AutoCloseable {
    /** One event, or a comment (name {@code ":"}, its text in data). */
    public record Event(String name, String id, String data) {
        public boolean isComment() {
            return ":".equals(name);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private EventStreams(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread t = new Thread(this::read, "test-event-stream");
        t.setDaemon(true);
        t.start();
    }

    /** The base URL of the application under test (RestAssured's). */
    public static String base() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    /** Opens {@code url} with these headers and waits for the answer's head. */
    public static EventStreams open(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        try {
            return new EventStreams(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens it and waits for the server's first comment: from then on, every commit reaches this stream. */
    public static EventStreams live(String url, Map<String, String> headers) {
        EventStreams s = open(url, headers);
        if (s.status() != 200) {
            throw new IllegalStateException("stream answered " + s.status());
        }
        s.until(Event::isComment, Duration.ofSeconds(30));
        return s;
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Events (not comments) received until one matches {@code last}, that one included; fails after {@code timeout}. */
    public List<Event> until(Predicate<Event> last, Duration timeout) {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e;
            try {
                e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            if (e == null) {
                throw new AssertionError("no matching event within " + timeout + "; received " + seen);
            }
            if (!e.isComment()) {
                seen.add(e);
            }
            if (last.test(e)) {
                return seen;
            }
        }
    }

    /** The events (not comments) already received, without waiting. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all.stream().filter(e -> !e.isComment()).toList();
    }

    /** Whether {@code e} is of this kind and about the article {@code id}. */
    public static Predicate<Event> is(String kind, String id) {
        return e -> kind.equals(e.name()) && e.data() != null && e.data().contains("\"id\":\"" + id + "\"");
    }

    /** Whether {@code e} is about the article {@code id}. */
    public static boolean about(Event e, String id) {
        return e.data() != null && e.data().contains("\"id\":\"" + id + "\"");
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(":", null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed under us: nothing more to read
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
