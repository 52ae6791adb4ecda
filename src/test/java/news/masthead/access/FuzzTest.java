package news.masthead.access;

import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import org.junit.jupiter.api.Test;

/**
 * Sends seeded, generated requests across every operation of the served spec: malformed JSON,
 * wrong types, huge and negative numbers, odd Unicode, unknown and mass-assignment fields. No
 * answer may be a 5xx, every error must be problem+json, and a refused write must change nothing.
 * Replay a failure with -Dfuzz.seed=N.
 */
@QuarkusTest
class FuzzTest {
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final String[] ODD = {
        "", " ", "null", "-1", "0", "99999999999999999999999", "-2147483649", "1e309", "NaN", "true", "\u0000",
        "\u202E\u0041", "😀💥", "a".repeat(5000), "../../etc/passwd", "' or 1=1 --", "<script>alert(1)</script>",
        "%00", "\uD800", "ä-ß-é", "2026-13-45T99:99:99Z", "javascript:alert(1)", "{\"$gt\":\"\"}"
    };
    private static final String[] MASS_ASSIGNMENT = {
        "id", "status", "publishedAt", "revision", "createdAt", "modifiedAt", "createdBy", "secret", "secretHash",
        "role", "email", "visibleFrom", "ownerTokenId", "scheduledAt", "isAdmin"
    };

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource db;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void generatedRequestsNeverBreakTheServerOrChangeDataWhenRefused() throws Exception {
        Random random = new Random(SEED);
        Created target = article().published();
        JsonNode spec = json.readTree(client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Op> ops = operations(spec);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> faults = new ArrayList<>();

        watchWrites();
        try {
            fuzz(random, target, ops, statuses, faults);
        } finally {
            unwatchWrites();
        }
        System.out.println("fuzz: " + REQUESTS + " requests over " + ops.size() + " operations, seed " + SEED
                + ", statuses " + statuses);
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    private void fuzz(Random random, Created target, List<Op> ops, Map<Integer, Integer> statuses, List<String> faults)
            throws Exception {
        for (int i = 0; i < REQUESTS && faults.size() < 20; i++) {
            Op op = ops.get(random.nextInt(ops.size()));
            HttpRequest request = build(op, target.id(), random);
            boolean write = !op.method.equals("GET");
            String before = write ? fingerprint() : null;
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String where = "#" + i + " " + request.method() + " " + request.uri();
            if (status >= 500) {
                faults.add(where + " -> " + status + " " + response.body());
            }
            if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                faults.add(where + " -> " + status + " is not problem+json");
            }
            if (status >= 400 && response.body().contains("Exception")) {
                faults.add(where + " -> leaks an exception name");
            }
            if (write && status >= 400 && !before.equals(fingerprint())) {
                faults.add(where + " -> refused with " + status + " but changed data");
            }
        }
    }

    private HttpRequest build(Op op, String targetId, Random r) {
        String path = op.path.replace("{id}", pick(r, targetId, java.util.UUID.randomUUID().toString(), odd(r)))
                .replace("{entryId}", pick(r, java.util.UUID.randomUUID().toString(), odd(r)))
                .replace("{slug}", pick(r, "x", odd(r), "a-b"))
                .replace("{n}", pick(r, "1", "0", "-5", odd(r), "2147483648"));
        path = encodePath(path) + query(op, r);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (r.nextInt(10) > 0) {
            b.header("Authorization", "Bearer " + (r.nextInt(20) == 0 ? odd(r).replaceAll("[^\\x21-\\x7e]", "") + "x" : Api.ADMIN_TOKEN));
        }
        if (r.nextBoolean()) {
            b.header("If-Match", pick(r, "\"1\"", "\"2\"", "*", "W/\"1\"", "\"999\"", "garbage"));
        }
        String contentType = pick(r, "application/json", "application/json", "application/merge-patch+json", "text/plain",
                "application/json; charset=utf-16", "application/xml");
        b.header("Content-Type", contentType);
        String body = op.method.equals("GET") || op.method.equals("DELETE") && r.nextBoolean() ? null : body(r);
        return b.method(op.method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private String query(Op op, Random r) {
        List<String> names = new ArrayList<>(op.queryParams);
        names.add(pick(r, "unknown", "email", "status", "secret", "debug", "sort"));
        StringBuilder q = new StringBuilder();
        int count = r.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = names.get(r.nextInt(names.size()));
            q.append(i == 0 ? "?" : "&").append(enc(name)).append('=').append(enc(pick(r, odd(r), "5", "100", "101", "draft")));
        }
        return q.toString();
    }

    private String body(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> pick(r, "{", "{\"headline\":", "[", "nul", "{\"a\":1,}", "\"str\"", "{'single':1}", "");
            case 1 -> "[" + r.nextInt() + "]";
            case 2 -> "{\"" + pick(r, MASS_ASSIGNMENT) + "\":" + value(r) + "}";
            case 3 -> "{\"headline\":" + value(r) + ",\"body\":" + value(r) + ",\"tags\":" + value(r) + "}";
            case 4 -> "{\"body\":[{\"type\":" + value(r) + ",\"text\":" + value(r) + ",\"level\":" + value(r) + "}]}";
            case 5 -> "{\"name\":" + value(r) + ",\"role\":" + value(r) + ",\"sections\":" + value(r) + "}";
            case 6 -> "{\"holder\":" + value(r) + ",\"year\":" + value(r) + ",\"isDefault\":" + value(r) + "}";
            case 7 -> "{\"at\":" + value(r) + "}";
            case 8 -> "{\"" + odd(r).replace("\\", "\\\\").replace("\"", "\\\"") + "\":1}";
            default -> r.nextInt(50) == 0 ? "{\"headline\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}" : "{}";
        };
    }

    private String value(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "null";
            case 1 -> Long.toString(r.nextLong());
            case 2 -> "1e400";
            case 3 -> "[]";
            case 4 -> "{}";
            case 5 -> "true";
            case 6 -> json.valueToTree(odd(r)).toString();
            default -> "\"" + "z".repeat(r.nextInt(300)) + "\"";
        };
    }

    /**
     * Tables that background work writes (webhook delivery, CDN purges, the render queue, start-up state, Flyway)
     * while the fuzzer runs. Every other table is watched, read from the database's catalogue, so
     * a table a later migration adds is covered without anyone remembering to list it here.
     */
    private static final java.util.Set<String> WRITTEN_IN_BACKGROUND = java.util.Set.of("flyway_schema_history",
            "app_state", "webhook_delivery", "webhook_delivery_attempt", "cdn_purge", "stream_event", "stream_due", "fuzz_write_count",
            "article_render_queue");

    /** The tables a refused write must leave alone: every table of the schema but the ones above. */
    private List<String> watched() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                if (!WRITTEN_IN_BACKGROUND.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (!tables.containsAll(List.of("article", "section", "api_token", "partner", "syndication_change"))) {
            throw new AssertionError("the catalogue lists no content tables: " + tables);
        }
        return tables;
    }

    /**
     * Counts every row inserted, updated or deleted in the watched tables, in the writing
     * transaction: a rolled-back write takes its count with it, a committed one moves it. Reading
     * one number per write is what keeps 10,000 requests fast; it replaced counting and summing the
     * tables themselves, and it is stricter (an update that changes no count or sum still counts).
     */
    private void watchWrites() throws Exception {
        List<String> watched = watched();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table fuzz_write_count (n bigint not null)");
            s.execute("insert into fuzz_write_count values (0)");
            s.execute("create function fuzz_count_write() returns trigger language plpgsql as "
                    + "$$ begin update fuzz_write_count set n = n + 1; return null; end $$");
            for (String table : watched) {
                s.execute("create trigger fuzz_watch after insert or " + updateOf(c, table) + "delete on " + table
                        + " for each row execute function fuzz_count_write()");
            }
        }
    }

    /**
     * The render queue rewrites articles' public documents in the background (a repair the fuzz
     * queued through its 202 is drained while later requests are refused): an update of those
     * columns alone is not a write of the refused request's.
     */
    private static String updateOf(Connection c, String table) throws Exception {
        if (!table.equals("article")) {
            return "update or ";
        }
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = 'article' and column_name not like 'public\\_%' "
                + "and is_generated = 'NEVER' order by ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return "update of " + String.join(", ", columns) + " or ";
    }

    private void unwatchWrites() throws Exception {
        List<String> watched = watched();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : watched) {
                s.execute("drop trigger if exists fuzz_watch on " + table);
            }
            s.execute("drop function if exists fuzz_count_write()");
            s.execute("drop table if exists fuzz_write_count");
        }
    }

    /** How many rows of the watched tables committed writes have changed so far. */
    private String fingerprint() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select n from fuzz_write_count")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Op> operations(JsonNode spec) {
        List<Op> ops = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (p.getKey().endsWith("/stream")) {
                // An event stream that accepts a request never ends it; its input (section,
                // Last-Event-ID) and its refusals are tested in StreamTest and RoleMatrixTest.
                return;
            }
            List<String> query = new ArrayList<>();
            m.getValue().path("parameters").forEach(param -> {
                if ("query".equals(param.path("in").asText())) {
                    query.add(param.get("name").asText());
                }
            });
            ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), query));
        }));
        return ops;
    }

    private static String odd(Random r) {
        return ODD[r.nextInt(ODD.length)];
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(enc(segment).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    private record Op(String method, String path, List<String> queryParams) {
    }
}
