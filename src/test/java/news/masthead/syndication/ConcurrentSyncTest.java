package news.masthead.syndication;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import org.junit.jupiter.api.Test;

/**
 * Eight editors publish, update and unpublish 2,000 articles while a partner follows the change
 * cursor. Afterwards the partner's replica equals what it may see, and it applied no change twice.
 */
@QuarkusTest
class ConcurrentSyncTest {
    private static final int WRITERS = 8;
    private static final int ARTICLES = Integer.getInteger("sync.articles", 2000);

    @Test
    void replicaFollowingTheCursorEndsEqualToWhatThePartnerMaySee() throws Exception {
        Fixtures.ensureDefaultNotice();
        String section = Fixtures.section();
        String notice = Partners.notice("partners");
        String forbidden = Partners.notice("none");
        SyncClient client = new SyncClient(Partners.token(Partners.create(false, section)));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        Future<?> follower = pool.submit(() -> {
            while (writing.get()) {
                client.sync();
            }
            return null;
        });
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int seed = w;
            writers.add(pool.submit(() -> write(seed, ARTICLES / WRITERS, section, notice, forbidden)));
        }
        int writes = 0;
        for (Future<Integer> f : writers) {
            writes += f.get();
        }
        writing.set(false);
        follower.get();
        client.sync();
        pool.shutdown();

        Map<String, Map<String, Object>> entitled = everythingThePartnerMaySee(client.secret);
        assertEquals(entitled.keySet(), client.copy.keySet());
        for (var e : entitled.entrySet()) {
            assertEquals(e.getValue().get("headline"), client.copy.get(e.getKey()).get("headline"));
            assertEquals(e.getValue().get("summary"), client.copy.get(e.getKey()).get("summary"));
        }
        assertNoChangeAppliedTwice(client.sequences);
        System.out.println("sync: " + writes + " writes by " + WRITERS + " writers, " + client.applied.size()
                + " changes applied, replica holds " + client.copy.size());
    }

    private static int write(int seed, int count, String section, String notice, String forbidden) {
        Random random = new Random(seed);
        int writes = 0;
        for (int i = 0; i < count; i++) {
            boolean licensed = random.nextInt(10) > 0;
            var created = admin().body(article().section(section).with("copyrightNotice", licensed ? notice : forbidden)
                    .with("summary", "v0").body()).post("/api/v1/admin/articles");
            String path = "/api/v1/admin/articles/" + created.path("id");
            String etag = created.header("ETag");
            etag = step(admin().header("If-Match", etag).post(path + "/publish"));
            writes += 2;
            int more = random.nextInt(4);
            for (int k = 1; k <= more && etag != null; k++) {
                switch (random.nextInt(3)) {
                    case 0 -> etag = step(admin().header("If-Match", etag).body(Map.of("summary", "v" + k)).patch(path));
                    case 1 -> etag = step(admin().header("If-Match", etag).post(path + "/unpublish"));
                    default -> etag = step(admin().header("If-Match", etag).post(path + "/publish"));
                }
                writes++;
            }
        }
        return writes;
    }

    private static String step(Response r) {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 409, "unexpected " + r.statusCode() + " " + r.asString());
        return r.statusCode() == 200 ? r.header("ETag") : null;
    }

    private static Map<String, Map<String, Object>> everythingThePartnerMaySee(String secret) {
        Map<String, Map<String, Object>> all = new HashMap<>();
        String cursor = null;
        do {
            var request = Partners.as(secret).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/syndication/articles").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> data = page.getList("data");
            data.forEach(a -> all.put((String) a.get("id"), a));
            cursor = page.getString("meta.nextCursor");
        } while (cursor != null);
        return all;
    }

    /** Each change carries its feed number; one delivered twice would show up as a repeat. */
    private static void assertNoChangeAppliedTwice(List<Long> sequences) {
        assertEquals(sequences.size(), new java.util.HashSet<>(sequences).size(), "a change was delivered twice");
    }
}
