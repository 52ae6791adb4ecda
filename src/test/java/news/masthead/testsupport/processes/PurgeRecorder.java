package news.masthead.testsupport.processes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands where Varnish would for MASTHEAD_PURGE_URL and writes down every PURGE: how often each key
 * came, in how many requests, and the longest xkey-purge header. Answers 200, or the status a test sets.
 */
public final class PurgeRecorder implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
    private final List<String> headers = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;

    private PurgeRecorder(HttpServer server) {
        this.server = server;
    }

    public static PurgeRecorder start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            PurgeRecorder recorder = new PurgeRecorder(server);
            server.createContext("/", exchange -> {
                int answer = recorder.status;
                String header = exchange.getRequestHeaders().getFirst("xkey-purge");
                if ("PURGE".equals(exchange.getRequestMethod()) && header != null && answer == 200) {
                    recorder.headers.add(header);
                    Arrays.stream(header.split(" ")).forEach(k -> recorder.keys.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet());
                }
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The status every request gets from now on (200: recorded). */
    public void answer(int status) {
        this.status = status;
    }

    /** How many accepted purges carried {@code key}. */
    public int count(String key) {
        AtomicInteger n = keys.get(key);
        return n == null ? 0 : n.get();
    }

    /** The xkey-purge headers of accepted purges, in arrival order. */
    public List<String> headers() {
        synchronized (headers) {
            return List.copyOf(headers);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
