package news.masthead.collection;

import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Statements;
import org.junit.jupiter.api.Test;

/**
 * A public collection read runs at most two statements whatever its size: the collection's row,
 * and its pinned and fill articles together. Counted as StatementCountTest counts, each request
 * the first with its URL after a write, so none is answered from the cache.
 */
@QuarkusTest
class CollectionStatementCountTest {
    private static final long BUDGET = 2;

    @Test
    void aCollectionReadRunsAtMostTwoStatementsAtAnySize() {
        String section = Fixtures.section();
        List<String> authors = List.of(Fixtures.author(), Fixtures.author(), Fixtures.author());
        List<Created> articles = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            articles.add(article().section(section).authors(authors.get(i % 3), authors.get((i + 1) % 3)).published());
        }
        Map<String, Long> measured = new LinkedHashMap<>();
        for (int pinned : List.of(0, 1, 20, 100)) {
            for (boolean fill : List.of(false, true)) {
                if (pinned == 0 && !fill) {
                    continue;
                }
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < pinned; i++) {
                    items.add(i % 2 == 0 ? Map.of("article", articles.get(i).id())
                            : Map.of("article", articles.get(i).id(), "headline", "Override " + i));
                }
                Map<String, Object> body = CollectionApiTest.collection(items, fill ? Map.of("section", section) : null, 100);
                int expected = fill ? 100 : pinned;
                body.put("slug", Api.unique("front"));
                String slug = CollectionApiTest.create(body).path("slug");
                long statements = Statements.during(CollectionApiTest.PUBLIC + slug, Map.of(), r -> check(r, expected));
                String what = pinned + " pinned" + (fill ? " + fill" : "");
                measured.put(what, statements);
                assertTrue(statements >= 1, what + ": answered without the database, so nothing was measured");
                assertTrue(statements <= BUDGET, what + ": " + statements + " statements");
            }
        }
        System.out.println("Statements per collection read: " + measured);
    }

    private static void check(Response r, int expectedItems) {
        r.then().statusCode(200).contentType("application/json").body("items", hasSize(expectedItems));
    }
}
