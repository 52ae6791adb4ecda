import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draft editors at work: E editors, each editing its own draft (or, with the optional 9th argument
 * {@code published}, its own published article) as an editor's client does: a
 * JSON Merge Patch with If-Match set to the ETag the previous answer gave, in a closed loop (the
 * next edit only once the last is answered). Writes per second over a measured window, after a
 * warm-up that is not counted.
 *
 * <pre>
 *   java bench/DraftWriters.java BASE_URL TOKEN SECTION_SLUG AUTHOR_SLUG EDITORS WARMUP_S DURATION_S LABEL [draft|published]
 * </pre>
 *
 * Creates its own E drafts first (in SECTION by AUTHOR, under the default copyright notice), so
 * every run starts from the same state; with {@code published} it then publishes each of them
 * once ({@code POST …/publish} with If-Match), before the clock starts, so that every edit is an
 * edit of a published article (the writes that re-render its public documents, issue #19). Prints one line:
 * {@code WRITES_RESULT {"label":..., "writes":..., "wps":..., "p50_ms":..., ...}}. Any answer
 * other than 200 is counted in "errors" and stops that editor (a 412 would mean a lost edit).
 * Only java.net.http: no dependencies.
 */
public class DraftWriters {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        if ((args.length != 8 && args.length != 9) || (args.length == 9 && !args[8].matches("draft|published"))) {
            System.err.println("usage: java DraftWriters.java BASE_URL TOKEN SECTION AUTHOR EDITORS WARMUP_S DURATION_S LABEL [draft|published]");
            System.exit(2);
        }
        String base = args[0];
        String token = args[1];
        String section = args[2];
        String author = args[3];
        int editors = Integer.parseInt(args[4]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        long durationNanos = Duration.ofSeconds(Long.parseLong(args[6])).toNanos();
        String label = args[7];
        boolean published = args.length == 9 && args[8].equals("published");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<String[]> drafts = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String body = "{\"slug\":\"bench-" + (published ? "published-" : "draft-") + label.replaceAll("[^a-z0-9]", "-") + "-" + run + "-" + i + "\","
                    + "\"headline\":\"Draft " + i + " of run " + run + "\",\"section\":\"" + section + "\","
                    + "\"authors\":[\"" + author + "\"],\"body\":[" + paragraph(i, 0) + "]}";
            HttpResponse<String> r = http.send(request(base + "/api/v1/admin/articles", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("creating draft " + i + " answered " + r.statusCode() + ": " + r.body());
            }
            Matcher m = ID.matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no id in " + r.body());
            }
            String etag = r.headers().firstValue("ETag").orElseThrow();
            if (published) {
                HttpResponse<String> p = http.send(request(base + "/api/v1/admin/articles/" + m.group(1) + "/publish", token)
                        .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (p.statusCode() != 200) {
                    throw new IllegalStateException("publishing article " + i + " answered " + p.statusCode() + ": " + p.body());
                }
                etag = p.headers().firstValue("ETag").orElseThrow();
            }
            drafts.add(new String[] {m.group(1), etag});
        }

        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long measureTo = measureFrom + durationNanos;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[editors][];
        int[] counts = new int[editors];
        CountDownLatch done = new CountDownLatch(editors);
        for (int e = 0; e < editors; e++) {
            int editor = e;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                String id = drafts.get(editor)[0];
                String etag = drafts.get(editor)[1];
                int edit = 0;
                try {
                    while (!stop.get()) {
                        edit++;
                        String patch = "{\"summary\":\"Edit " + edit + " by editor " + editor + ".\",\"body\":["
                                + paragraph(editor, edit) + "]}";
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(request(base + "/api/v1/admin/articles/" + id, token)
                                .header("If-Match", etag)
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                            return;
                        }
                        etag = r.headers().firstValue("ETag").orElseThrow();
                        if (t1 >= measureFrom && t1 < measureTo) {
                            writes.incrementAndGet();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                    }
                } catch (Exception ex) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, ex.toString());
                } finally {
                    latencies[editor] = mine;
                    counts[editor] = n;
                    done.countDown();
                }
            }, "editor-" + e);
            t.setDaemon(true);
            t.start();
        }
        long now;
        while ((now = System.nanoTime()) < measureTo && done.getCount() > 0) {
            Thread.sleep(Math.max(1, Math.min(200, (measureTo - now) / 1_000_000)));
        }
        stop.set(true);
        done.await();

        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int e = 0; e < editors; e++) {
            System.arraycopy(latencies[e], 0, all, k, counts[e]);
            k += counts[e];
        }
        Arrays.sort(all);
        double seconds = durationNanos / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "WRITES_RESULT {\"label\":\"%s\",\"published\":%b,\"editors\":%d,\"writes\":%d,\"seconds\":%.1f,\"wps\":%.1f,"
                        + "\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"errors\":%d,\"first_error\":%s}",
                label, published, editors, writes.get(), seconds, writes.get() / seconds, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), quote(firstError.get())));
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    /** A paragraph of a realistic length (~600 characters) that differs with every edit. */
    private static String paragraph(int editor, int edit) {
        return "{\"type\":\"paragraph\",\"text\":\"Editor " + editor + ", edit " + edit + ": "
                + "The council met on Tuesday evening to discuss the harbour works, the ferry timetable and the budget "
                .repeat(6) + "\"}";
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.length() > 300 ? s.substring(0, 300) : s;
        return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
