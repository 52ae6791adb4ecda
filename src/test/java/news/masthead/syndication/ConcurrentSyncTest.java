package news.masthead.syndication;

import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.TestHttp;
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

    /** Through {@link TestHttp}: the writers send thousands of requests, and RestAssured's client cost more CPU than the server. */
    private static int write(int seed, int count, String section, String notice, String forbidden) {
        Random random = new Random(seed);
        int writes = 0;
        for (int i = 0; i < count; i++) {
            boolean licensed = random.nextInt(10) > 0;
            TestHttp.Reply created = TestHttp.send("POST", "/api/v1/admin/articles", Api.ADMIN_TOKEN, null,
                    article(licensed ? notice : forbidden).section(section).with("summary", "v0").body());
            assertEquals(201, created.status(), () -> "create answered " + created.status() + " " + created.body());
            String path = "/api/v1/admin/articles/" + created.body().get("id");
            String etag = created.etag();
            etag = step(TestHttp.send("POST", path + "/publish", Api.ADMIN_TOKEN, etag, null));
            writes += 2;
            int more = random.nextInt(4);
            for (int k = 1; k <= more && etag != null; k++) {
                switch (random.nextInt(3)) {
                    case 0 -> etag = step(TestHttp.send("PATCH", path, Api.ADMIN_TOKEN, etag, Map.of("summary", "v" + k)));
                    case 1 -> etag = step(TestHttp.send("POST", path + "/unpublish", Api.ADMIN_TOKEN, etag, null));
                    default -> etag = step(TestHttp.send("POST", path + "/publish", Api.ADMIN_TOKEN, etag, null));
                }
                writes++;
            }
        }
        return writes;
    }

    private static String step(TestHttp.Reply r) {
        assertTrue(r.status() == 200 || r.status() == 409, "unexpected " + r.status() + " " + r.body());
        return r.status() == 200 ? r.etag() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> everythingThePartnerMaySee(String secret) {
        Map<String, Map<String, Object>> all = new HashMap<>();
        String cursor = null;
        do {
            TestHttp.Reply page = TestHttp.get("/api/v1/syndication/articles?limit=100"
                    + (cursor == null ? "" : "&cursor=" + TestHttp.encode(cursor)), secret);
            assertEquals(200, page.status());
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.body().get("data");
            data.forEach(a -> all.put((String) a.get("id"), a));
            cursor = (String) ((Map<String, Object>) page.body().get("meta")).get("nextCursor");
        } while (cursor != null);
        return all;
    }

    /** Each change carries its feed number; one delivered twice would show up as a repeat. */
    private static void assertNoChangeAppliedTwice(List<Long> sequences) {
        assertEquals(sequences.size(), new java.util.HashSet<>(sequences).size(), "a change was delivered twice");
    }
}
