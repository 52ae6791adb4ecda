package news.masthead.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A webhook subscriber on 127.0.0.1 for tests: answers with the scripted statuses in turn (then
 * 204 for ever) and keeps every request it got.
 */
final class Receiver implements AutoCloseable {
    record Request(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script;
    private final List<Request> requests = new ArrayList<>();

    private Receiver(Integer... statuses) {
        this.script = new ArrayDeque<>(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            synchronized (this) {
                requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
                status = script.isEmpty() ? 204 : script.poll();
                notifyAll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers the first requests with {@code statuses}, the rest with 204. */
    static Receiver answering(Integer... statuses) {
        return new Receiver(statuses);
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until the requests received satisfy {@code done}; fails after {@code timeout}. */
    synchronized List<Request> await(Predicate<List<Request>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(requests)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the receiver got " + requests.size() + " request(s), not what was awaited");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
