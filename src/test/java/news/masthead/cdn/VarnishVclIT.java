package news.masthead.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import news.masthead.testsupport.processes.Harness;
import news.masthead.testsupport.processes.Http;
import news.masthead.testsupport.processes.Varnish;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The committed VCL in a real varnishd, in front of a stand-in backend that answers what Masthead
 * does not (yet) or only at scale: an event stream, and a list whose Surrogate-Key runs to kilobytes.
 */
class VarnishVclIT {
    @RegisterExtension
    static final Harness harness = new Harness();

    static HttpServer backend;
    static Varnish varnish;
    static final CountDownLatch firstEventRead = new CountDownLatch(1);
    /** 400 keys, about 18 KB: more than Varnish's default 8 KB response header limit. */
    static final List<String> LONG_KEYS = IntStream.range(0, 400)
            .mapToObj(i -> "article-00000000-0000-4000-8000-" + String.format("%012d", i)).toList();

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        backend.createContext("/api/v1/stream", VarnishVclIT::stream);
        backend.createContext("/api/v1/articles", exchange -> answer(exchange, Map.of(
                "Cache-Control", "public, max-age=60", "Surrogate-Control", "max-age=86400",
                "Surrogate-Key", "articles " + String.join(" ", LONG_KEYS))));
        backend.createContext("/api/v1/sections", exchange -> answer(exchange, Map.of()));
        backend.start();
        varnish = harness.varnish("vcl", backend.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        firstEventRead.countDown();
        backend.stop(0);
    }

    @Test
    void listWithKilobytesOfSurrogateKeysIsCachedAndPurgedByAnyOfThem() {
        String path = "/api/v1/articles?limit=100";
        assertEquals(200, Http.get(varnish.url(path)).status());
        assertEquals("HIT", Http.get(varnish.url(path)).header("X-Cache"));
        Http.Answer purge = Http.json("PURGE", varnish.purgeUrl(), "unused", null,
                Map.of("xkey-purge", LONG_KEYS.get(LONG_KEYS.size() - 1)));
        assertEquals(200, purge.status());
        assertEquals("MISS", Http.get(varnish.url(path)).header("X-Cache"));
    }

    @Test
    void answerThatSaysNothingAboutCachingIsNotKept() {
        Http.get(varnish.url("/api/v1/sections"));
        assertEquals("PASS", Http.get(varnish.url("/api/v1/sections")).header("X-Cache"));
    }

    @Test
    void eventStreamPassesThroughAsItIsWrittenNeverBuffered() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(varnish.url("/api/v1/stream"))).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        // The backend writes the second event only after this line was read through Varnish.
        assertEquals("event: article.published", events.readLine());
        firstEventRead.countDown();
        assertEquals("data: {\"n\":1}", events.readLine());
        assertEquals("", events.readLine());
        assertEquals("event: article.updated", events.readLine(), "a buffering proxy never gets here");
        assertEquals("PASS", response.headers().firstValue("X-Cache").orElse(null));
    }

    private static void answer(HttpExchange exchange, Map<String, String> headers) throws IOException {
        byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** One event, then (once the test has read it through Varnish) a second; without that, it ends. */
    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event: article.published\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        boolean read;
        try {
            read = firstEventRead.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read = false;
        }
        if (read) {
            out.write("event: article.updated\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.close();
    }
}
