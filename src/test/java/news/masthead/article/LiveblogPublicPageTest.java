package news.masthead.article;

import static news.masthead.article.LiveblogEntryApiTest.entries;
import static news.masthead.article.LiveblogEntryApiTest.entry;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Api.anonymous;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Statements;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/articles/{slug}/entries}: the public page of a liveblog's entries. */
@QuarkusTest
class LiveblogPublicPageTest {
    @Inject
    DataSource dataSource;

    private static String page(Created a) {
        return "/api/v1/articles/" + a.slug() + "/entries";
    }

    private static String post(Created blog, Map<String, Object> body) {
        TestClock.get().advance(Duration.ofSeconds(30));
        return admin().body(body).post(entries(blog)).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> with(String text, String field, Object value) {
        return Map.of("body", entry(text).get("body"), field, value);
    }

    @Test
    void entriesPageNewestFirstByCursor() {
        Created blog = article().with("kind", "liveblog").published();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(blog, entry("Entry " + i)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response r = cursor == null ? anonymous().queryParam("limit", 2).get(page(blog))
                    : anonymous().queryParam("limit", 2).queryParam("cursor", cursor).get(page(blog));
            r.then().statusCode(200).contentType("application/json").body("meta.limit", equalTo(2));
            seen.addAll(r.path("data.id"));
            cursor = r.path("meta.nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of(posted.get(4), posted.get(3), posted.get(2), posted.get(1), posted.get(0)), seen);
        assertEquals(3, pages);
        anonymous().get(page(blog)).then().statusCode(200)
                .body("data[0].body[0].text", equalTo("Entry 4")).body("data[0].keyEvent", equalTo(false))
                .body("meta.pinned", nullValue());
    }

    @Test
    void keyEventsTrueListsOnlyKeyEventsAndThePinnedEntryIsInMetaOnEveryPage() {
        Created blog = article().with("kind", "liveblog").published();
        String key = post(blog, with("Key", "keyEvent", true));
        String pinned = post(blog, with("Pinned", "pinned", true));
        post(blog, entry("Ordinary"));
        anonymous().queryParam("keyEvents", "true").get(page(blog)).then().statusCode(200)
                .body("data.id", equalTo(List.of(key))).body("meta.pinned.id", equalTo(pinned))
                .body("meta.pinned.pinned", equalTo(true));
        anonymous().queryParam("limit", 1).get(page(blog)).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("meta.pinned.id", equalTo(pinned));
        anonymous().queryParam("keyEvents", "false").get(page(blog)).then().statusCode(200).body("data.size()", equalTo(3));
    }

    @Test
    void entriesArePublicOnlyWhileTheLiveblogIs() {
        Created draft = article().with("kind", "liveblog").draft();
        admin().body(entry("Drafted.")).post(entries(draft)).then().statusCode(201);
        anonymous().get(page(draft)).then().statusCode(404).contentType(Problems.JSON)
                .body("type", equalTo(Problems.NOT_FOUND));

        Created blog = article().with("kind", "liveblog").published();
        post(blog, entry("Public."));
        anonymous().get(page(blog)).then().statusCode(200).body("data.size()", equalTo(1));
        admin().header("If-Match", blog.currentEtag()).post(blog.adminPath() + "/unpublish").then().statusCode(200);
        Response gone = anonymous().get(page(blog));
        gone.then().statusCode(404).contentType(Problems.JSON);
        assertFalse(gone.asString().contains("Public."));

        Created story = article().published();
        anonymous().get(page(story)).then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void theCachedPageIsTaggedWithTheArticleAndShowsTheNextEntryAtOnce() {
        Created blog = article().with("kind", "liveblog").published();
        post(blog, entry("One."));
        Response first = anonymous().get(page(blog));
        first.then().statusCode(200).header("Surrogate-Key", containsString("article-" + blog.id()))
                .header("Cache-Control", containsString("public"));
        anonymous().get(page(blog)).then().statusCode(200).body("data.size()", equalTo(1));
        String second = post(blog, entry("Two."));
        anonymous().get(page(blog)).then().statusCode(200).body("data[0].id", equalTo(second));
    }

    @Test
    void badParametersAre400s() {
        Created blog = article().with("kind", "liveblog").published();
        anonymous().queryParam("keyEvents", "yes").get(page(blog)).then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION));
        anonymous().queryParam("cursor", "garbage").get(page(blog)).then().statusCode(400).contentType(Problems.JSON);
        anonymous().queryParam("limit", 0).get(page(blog)).then().statusCode(400).contentType(Problems.JSON);
        anonymous().queryParam("sort", "oldest").get(page(blog)).then().statusCode(400).contentType(Problems.JSON);
    }

    @Test
    void aPageIsOneStatementWhateverThePage() {
        Created blog = article().with("kind", "liveblog").published();
        for (int i = 0; i < 3; i++) {
            post(blog, with("Entry " + i, "pinned", i == 0));
        }
        String cursor = anonymous().queryParam("limit", 1).get(page(blog)).path("meta.nextCursor");
        // The cache would answer a repeated read without SQL: each URL is read once.
        assertEquals(1, Statements.during(page(blog), Map.of("limit", 2), r -> r.then().statusCode(200)));
        assertEquals(1, Statements.during(page(blog), Map.of("limit", 1, "cursor", cursor), r -> r.then().statusCode(200)));
    }

    @Test
    void aLaterPageStartsAtTheCursorInTheEntryIndex() throws SQLException {
        Created blog = article().with("kind", "liveblog").published();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into liveblog_entry (id, article_id, body, key_event, published_at, updated_at, created_by, modified_by) "
                    + "select gen_random_uuid(), '" + blog.id() + "', '[]', i % 10 = 0, now() - i * interval '1 minute', now(), 'x', 'x' "
                    + "from generate_series(1, 5000) i");
            s.execute("analyze liveblog_entry");
            for (String filter : List.of("", " and e.key_event")) {
                String cursor;
                try (ResultSet r = s.executeQuery("select published_at, id from liveblog_entry e where article_id = '"
                        + blog.id() + "'" + filter + " order by published_at desc, id desc offset 399 limit 1")) {
                    r.next();
                    cursor = "(select '" + r.getString(1) + "'::timestamptz), (select '" + r.getString(2) + "'::uuid)";
                }
                String plan = explain(s, "select e.id from liveblog_entry e where e.article_id = '" + blog.id() + "'" + filter
                        + " and (e.published_at, e.id) < (" + cursor + ") order by e.published_at desc, e.id desc "
                        + "fetch first 21 rows only");
                assertTrue(plan.contains(filter.isEmpty() ? "liveblog_entry_newest_idx" : "liveblog_entry_key_event_idx"), plan);
                assertTrue(plan.matches("(?s).*Index Cond: .*ROW\\(published_at, id\\) < ROW\\(.*"),
                        "the cursor must bound the scan:\n" + plan);
                assertFalse(plan.contains("Sort"), plan);
            }
        }
    }

    private static String explain(Statement s, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet r = s.executeQuery("explain " + sql)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
