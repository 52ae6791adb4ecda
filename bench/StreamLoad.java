import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds many public event-stream subscribers on one selector thread (plain NIO sockets, a few KB
 * each), then publishes articles one at a time and measures, for every subscriber and every publish,
 * the time from the publish request being sent to the event arriving (an upper bound of
 * commit-to-delivery: the commit happens during that request).
 *
 *   java StreamLoad.java <host> <port> <token> <subscribers> <publishes> <go-file>
 *
 * Prints "LIVE <n>" once every subscriber has received the stream's first comment (it is then
 * subscribed), waits for <go-file> to exist (the caller measures reads meanwhile), publishes, and
 * prints one line "STREAM_RESULT {json}". Besides the latencies, the result accounts for every
 * subscriber: how many answered 200, went live, and received every publish exactly once, and how
 * many got an "event: reset", were ended by the server (chunked end) or closed.
 */
public class StreamLoad {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static final class Conn {
        final SocketChannel channel;
        final StringBuilder partial = new StringBuilder();
        final BitSet got = new BitSet();
        int status = -1;
        boolean live;
        boolean reset;
        boolean ended;
        boolean closed;
        int duplicates;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static final Map<String, Long> SENT = new ConcurrentHashMap<>();
    static final Map<String, Integer> INDEX = new ConcurrentHashMap<>();
    static final List<Conn> CONNS = new ArrayList<>();
    static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();
    static final AtomicInteger LIVE = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();
    static long[] latencies = new long[1 << 16];
    static int count;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String token = args[2];
        int subscribers = Integer.parseInt(args[3]);
        int publishes = Integer.parseInt(args[4]);
        Path go = Path.of(args[5]);

        Selector selector = Selector.open();
        byte[] request = ("GET /api/v1/stream HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Thread reader = new Thread(() -> read(selector), "selector");
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < subscribers; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
            ch.write(ByteBuffer.wrap(request));
            ch.configureBlocking(false);
            Conn c = new Conn(ch);
            synchronized (StreamLoad.class) {
                selector.wakeup();
                ch.register(selector, SelectionKey.OP_READ, c);
                CONNS.add(c);
            }
            if (i % 500 == 499) {
                Thread.sleep(200); // a ramp, not a thundering herd of handshakes
            }
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (LIVE.get() < subscribers && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        System.out.println("LIVE " + LIVE.get());
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(100);
        }

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://" + host + ":" + port;
        List<String> ids = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < publishes; i++) {
            String slug = "stream-bench-" + UUID.randomUUID().toString().substring(0, 18);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\",\"headline\":\"Stream bench " + i
                            + "\",\"summary\":\"s\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Text.\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(created.body());
            if (created.statusCode() != 201 || !m.find()) {
                errors++;
                continue;
            }
            String id = m.group(1);
            String etag = created.headers().firstValue("ETag").orElse("");
            RECEIVED.put(id, new AtomicInteger());
            INDEX.put(id, ids.size());
            SENT.put(id, System.nanoTime());
            HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/articles/" + id + "/publish"))
                    .header("Authorization", "Bearer " + token).header("If-Match", etag)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (published.statusCode() != 200) {
                errors++;
                continue;
            }
            ids.add(id);
            // One publish at a time: wait until every live subscriber has it (at most 5 s), then a pause.
            long until = System.currentTimeMillis() + 5000;
            while (RECEIVED.get(id).get() < LIVE.get() - CLOSED.get() && System.currentTimeMillis() < until) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        // Every subscriber that was asked for is expected to hear every publish, live or not.
        long expected = (long) ids.size() * subscribers;
        long delivered;
        long[] sorted;
        int ok = 0, live = 0, complete = 0, resets = 0, ended = 0, closed = 0, duplicates = 0;
        int minEvents = Integer.MAX_VALUE, maxEvents = 0;
        synchronized (StreamLoad.class) {
            delivered = count;
            sorted = Arrays.copyOf(latencies, count);
            for (Conn c : CONNS) {
                int n = c.got.cardinality();
                ok += c.status == 200 ? 1 : 0;
                live += c.live ? 1 : 0;
                complete += n == ids.size() && c.duplicates == 0 ? 1 : 0;
                resets += c.reset ? 1 : 0;
                ended += c.ended ? 1 : 0;
                closed += c.closed ? 1 : 0;
                duplicates += c.duplicates;
                minEvents = Math.min(minEvents, n);
                maxEvents = Math.max(maxEvents, n);
            }
        }
        Arrays.sort(sorted);
        System.out.printf("STREAM_RESULT {\"subscribers\":%d,\"status_200\":%d,\"live\":%d,\"complete\":%d,"
                        + "\"min_events\":%d,\"max_events\":%d,\"duplicates\":%d,\"resets\":%d,\"ended\":%d,\"closed\":%d,"
                        + "\"publishes\":%d,\"publish_errors\":%d,\"expected\":%d,\"delivered\":%d,"
                        + "\"p50_ms\":%.1f,\"p90_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}%n",
                subscribers, ok, live, complete, CONNS.isEmpty() ? 0 : minEvents, maxEvents, duplicates, resets, ended, closed,
                ids.size(), errors, expected, delivered, pct(sorted, 0.50), pct(sorted, 0.90),
                pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static void read(Selector selector) {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[64 * 1024];
        try {
            while (true) {
                synchronized (StreamLoad.class) {
                    // lets main register channels between selects
                }
                selector.select(100);
                long now = System.nanoTime();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    Conn c = (Conn) k.attachment();
                    synchronized (StreamLoad.class) {
                        readFrom(k, c, buf, bytes, now);
                    }
                }
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** Parses what arrived on one connection: status line, first comment, events (raw chunked HTTP/1.1, line by line). */
    static void readFrom(SelectionKey k, Conn c, ByteBuffer buf, byte[] bytes, long now) {
        buf.clear();
        int n;
        try {
            n = c.channel.read(buf);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            k.cancel();
            c.closed = true;
            CLOSED.incrementAndGet();
            return;
        }
        buf.flip();
        buf.get(bytes, 0, n);
        c.partial.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
        int nl;
        while ((nl = c.partial.indexOf("\n")) >= 0) {
            String line = c.partial.substring(0, nl);
            c.partial.delete(0, nl + 1);
            if (c.status < 0 && line.startsWith("HTTP/")) {
                String[] parts = line.split(" ");
                c.status = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
            } else if (line.equals("0\r")) {
                c.ended = true; // the last chunk: the server ended this response
            } else if (line.startsWith("event: reset") || line.startsWith("event:reset")) {
                c.reset = true;
            } else if (!c.live && line.startsWith(":")) {
                c.live = true;
                LIVE.incrementAndGet();
            } else if (line.startsWith("data:")) {
                Matcher m = ID.matcher(line);
                if (m.find()) {
                    Long sent = SENT.get(m.group(1));
                    if (sent != null) {
                        if (c.got.get(INDEX.get(m.group(1)))) {
                            c.duplicates++;
                            continue;
                        }
                        c.got.set(INDEX.get(m.group(1)));
                        RECEIVED.get(m.group(1)).incrementAndGet();
                        record(now - sent);
                    }
                }
            }
        }
    }

    static synchronized void record(long nanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }
}
