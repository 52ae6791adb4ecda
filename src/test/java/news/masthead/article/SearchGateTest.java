package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

/**
 * Searches run in turn ({@link SearchGate}): one that finds every turn taken waits (here up to the
 * test profile's masthead.search.wait of 1 s) and is then refused with a problem, nothing run;
 * other reads never wait for a turn.
 */
@QuarkusTest
class SearchGateTest {
    private static final String LIST = "/api/v1/articles";

    @Inject
    SearchGate gate;

    @Test
    void searchWithEveryTurnTakenIsRefusedAsBusyAndAnsweredOnceATurnIsFree() throws Exception {
        String w = ArticleSearchTest.word();
        Created match = article().with("headline", "The " + w + " inquiry reports").published();
        int turns = gate.available();
        assertTrue(turns > 0, "the gate is on in the test profile");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(turns);
        ExecutorService holders = Executors.newFixedThreadPool(turns);
        List<Future<Boolean>> holding = new ArrayList<>();
        try {
            for (int i = 0; i < turns; i++) {
                holding.add(holders.submit(() -> gate.run(() -> {
                    held.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })));
            }
            assertTrue(held.await(10, TimeUnit.SECONDS));
            assertEquals(0, gate.available());

            given().queryParam("q", w).when().get(LIST)
                    .then().statusCode(503).contentType(Problems.JSON)
                    .header("Retry-After", "1")
                    .body("type", equalTo(Problems.BUSY))
                    .body("status", equalTo(503));
            // The list without q runs no search statement: it does not wait for a turn.
            given().queryParam("limit", 1).when().get(LIST).then().statusCode(200);
        } finally {
            release.countDown();
            holders.shutdown();
        }
        for (Future<Boolean> h : holding) {
            assertTrue(h.get(10, TimeUnit.SECONDS), "each holder ran in its turn");
        }
        assertEquals(turns, gate.available());
        given().queryParam("q", w).when().get(LIST)
                .then().statusCode(200).body("data.slug", contains(match.slug()));
    }
}
