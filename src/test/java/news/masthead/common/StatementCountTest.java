package news.masthead.common;

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
 * Every Content API request runs at most three SQL statements, whatever the page size: the page,
 * the bylines of all its rows in one batch, and (with a section filter) the section subtree.
 * Each request here is the first with its URL after a write, so none is answered from the cache.
 */
@QuarkusTest
class StatementCountTest {
    private static final long BUDGET = 3;

    private final Map<String, Long> measured = new LinkedHashMap<>();

    @Test
    void contentRequestsStayWithinThreeStatementsAtAnyPageSize() {
        String section = Fixtures.section();
        String subsection = Fixtures.section(section);
        List<String> authors = List.of(Fixtures.author(), Fixtures.author(), Fixtures.author(), Fixtures.author());
        String tag = Api.unique("bulk");
        String word = "zqstatementcount" + Long.toString(System.nanoTime() % 100_000, 26).replaceAll("[0-9]", "x");
        List<Created> created = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            created.add(article().section(i % 2 == 0 ? section : subsection)
                    .authors(authors.get(i % 4), authors.get((i + 1) % 4), authors.get((i + 2) % 4))
                    .with("tags", List.of(tag)).with("headline", "The " + word + " story " + i).published());
        }

        for (int limit : List.of(1, 20, 100)) {
            count("list by tag, limit " + limit, "/api/v1/articles", Map.of("tag", tag, "limit", limit), limit);
            count("list by section and subsections, limit " + limit, "/api/v1/articles",
                    Map.of("section", section, "limit", limit), limit);
            count("list by author, limit " + limit, "/api/v1/articles", Map.of("author", authors.get(0), "limit", limit),
                    Math.min(limit, 76));
            count("search by relevance in a section, limit " + limit, "/api/v1/articles",
                    Map.of("q", word, "section", section, "limit", limit), limit);
            count("search by newest with tag, limit " + limit, "/api/v1/articles",
                    Map.of("q", word, "sort", "newest", "tag", tag, "limit", limit), limit);
        }
        count("one article by slug", "/api/v1/articles/" + created.get(0).slug(), Map.of(), -1);
        count("section tree", "/api/v1/sections", Map.of(), -1);
        count("one section", "/api/v1/sections/" + subsection, Map.of(), -1);
        count("authors, limit 100", "/api/v1/authors", Map.of("limit", 100), -1);
        count("one author", "/api/v1/authors/" + authors.get(0), Map.of(), -1);

        System.out.println("Statements per Content API request: " + measured);
    }

    private void count(String what, String path, Map<String, ?> params, int expectedRows) {
        long statements = Statements.during(path, params, r -> check(r, expectedRows));
        measured.put(what, statements);
        assertTrue(statements >= 1, what + ": answered without the database, so nothing was measured");
        assertTrue(statements <= BUDGET, what + ": " + statements + " statements");
    }

    private static void check(Response r, int expectedRows) {
        r.then().statusCode(200).contentType("application/json");
        if (expectedRows > 0) {
            r.then().body("data", hasSize(expectedRows));
        }
    }
}
