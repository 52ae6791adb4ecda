package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.EventStreams;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.TestClock;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Writing a liveblog's entries: the rules, and that each write is a write of the article through its one pipeline. */
@QuarkusTest
class LiveblogEntryApiTest {
    @Inject
    DataSource dataSource;

    static Map<String, Object> entry(String text) {
        return Map.of("body", List.of(Map.of("type", "paragraph", "text", text)));
    }

    static String entries(Created a) {
        return a.adminPath() + "/entries";
    }

    @Test
    void anEntryIsPostedWithItsFieldsAndSanitizedBody() {
        String author = Fixtures.author();
        Created blog = article().with("kind", "liveblog").published();
        Response r = admin().body(Map.of("headline", "  Envoys arrive  ", "authors", List.of(author), "keyEvent", true,
                        "body", List.of(Map.of("type", "html", "html", "<p>Talks <script>alert(1)</script>begin</p>"))))
                .post(entries(blog));
        r.then().statusCode(201).contentType("application/json")
                .header("Location", endsWith(entries(blog) + "/" + r.path("id")))
                .body("id", notNullValue()).body("headline", equalTo("Envoys arrive"))
                .body("authors[0].slug", equalTo(author)).body("keyEvent", equalTo(true)).body("pinned", equalTo(false))
                .body("body[0].html", not(containsString("<script")))
                .body("publishedAt", equalTo(r.path("updatedAt")));
    }

    @Test
    void aStoryTakesNoEntries() {
        Created story = article().published();
        admin().body(entry("No.")).post(entries(story)).then().statusCode(409)
                .contentType(Problems.JSON).body("type", equalTo(Problems.CONFLICT));
    }

    @Test
    void anEndedLiveblogTakesNoNewEntriesButItsEntriesMayStillBeCorrected() {
        Created blog = article().with("kind", "liveblog").published();
        String id = admin().body(entry("Before the end.")).post(entries(blog)).then().statusCode(201).extract().path("id");
        admin().header("If-Match", blog.currentEtag()).contentType("application/merge-patch+json").body("{\"live\": false}")
                .patch(blog.adminPath()).then().statusCode(200).body("live", equalTo(false));
        admin().body(entry("After the end.")).post(entries(blog)).then().statusCode(409)
                .contentType(Problems.JSON).body("type", equalTo(Problems.CONFLICT)).body("detail", containsString("ended"));
        admin().contentType("application/merge-patch+json").body("{\"headline\": \"Corrected\"}")
                .patch(entries(blog) + "/" + id).then().statusCode(200).body("headline", equalTo("Corrected"));
    }

    @Test
    void anEntryMovesThePublishedArticlesUpdatedAtWithoutAnUpdateNote() {
        Created blog = article().with("kind", "liveblog").published();
        String before = admin().get(blog.adminPath()).path("updatedAt");
        TestClock.get().advance(Duration.ofMinutes(5));
        Response posted = admin().body(entry("Moves it.")).post(entries(blog));
        posted.then().statusCode(201);
        admin().get(blog.adminPath()).then().statusCode(200)
                .body("updatedAt", equalTo(posted.path("publishedAt")))
                .body("updatedAt", not(equalTo(before)))
                .body("updates.size()", equalTo(0));

        TestClock.get().advance(Duration.ofMinutes(5));
        Response patched = admin().contentType("application/merge-patch+json").body("{\"keyEvent\": true}")
                .patch(entries(blog) + "/" + posted.path("id"));
        patched.then().statusCode(200).body("publishedAt", equalTo(posted.path("publishedAt")))
                .body("id", equalTo(posted.path("id")));
        assertNotEquals((String) posted.path("updatedAt"), (String) patched.path("updatedAt"));
        admin().get(blog.adminPath()).then().body("updatedAt", equalTo(patched.path("updatedAt")));

        TestClock.get().advance(Duration.ofMinutes(5));
        String beforeDelete = admin().get(blog.adminPath()).path("updatedAt");
        admin().delete(entries(blog) + "/" + posted.path("id")).then().statusCode(204);
        admin().get(blog.adminPath()).then().body("updatedAt", not(equalTo(beforeDelete)));
    }

    @Test
    void aDraftLiveblogsUpdatedAtStaysUnsetUntilItIsPublished() {
        Created blog = article().with("kind", "liveblog").draft();
        admin().body(entry("Prepared.")).post(entries(blog)).then().statusCode(201);
        admin().get(blog.adminPath()).then().statusCode(200).body("updatedAt", nullValue()).body("revision", equalTo(1));
    }

    @Test
    void anEntryIsNoRevisionOfTheArticleSoAnEditorsIfMatchStillHolds() {
        Created blog = article().with("kind", "liveblog").published();
        String etag = blog.currentEtag();
        String updatedAt = admin().get(blog.adminPath()).path("updatedAt");
        int revisions = admin().get(blog.adminPath() + "/revisions").then().statusCode(200).extract().path("data.size()");
        TestClock.get().advance(Duration.ofMinutes(1));
        admin().body(entry("Posted while the headline is being edited.")).post(entries(blog)).then().statusCode(201);
        admin().get(blog.adminPath()).then().statusCode(200).header("ETag", equalTo(etag))
                .body("updatedAt", not(equalTo(updatedAt)));
        admin().get(blog.adminPath() + "/revisions").then().statusCode(200).body("data.size()", equalTo(revisions));
        admin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"headline\": \"Talks resume in the capital\"}")
                .patch(blog.adminPath()).then().statusCode(200).body("headline", equalTo("Talks resume in the capital"));
    }

    @Test
    void pinningAnEntryUnpinsThePreviouslyPinnedOne() {
        Created blog = article().with("kind", "liveblog").published();
        String first = admin().body(Map.of("body", entry("First").get("body"), "pinned", true)).post(entries(blog))
                .then().statusCode(201).body("pinned", equalTo(true)).extract().path("id");
        String second = admin().body(Map.of("body", entry("Second").get("body"), "pinned", true)).post(entries(blog))
                .then().statusCode(201).body("pinned", equalTo(true)).extract().path("id");
        assertEquals(List.of(second), pinned(blog));
        admin().contentType("application/merge-patch+json").body("{\"pinned\": true}").patch(entries(blog) + "/" + first)
                .then().statusCode(200).body("pinned", equalTo(true));
        assertEquals(List.of(first), pinned(blog));
    }

    @Test
    void badEntriesAre400sThatNameTheField() {
        Created blog = article().with("kind", "liveblog").published();
        admin().body(Map.of("body", List.of())).post(entries(blog)).then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("body"));
        admin().body(Map.of("headline", "No body")).post(entries(blog)).then().statusCode(400)
                .contentType(Problems.JSON).body("errors[0].field", equalTo("body"));
        admin().body(Map.of("body", entry("x").get("body"), "authors", List.of("nobody-" + UUID.randomUUID())))
                .post(entries(blog)).then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("authors"));
        admin().body(Map.of("body", List.of(Map.of("type", "marquee", "text", "x")))).post(entries(blog)).then()
                .statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION));
        admin().body(Map.of("body", entry("x").get("body"), "colour", "red")).post(entries(blog)).then()
                .statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION));
        String id = admin().body(entry("Fine.")).post(entries(blog)).then().statusCode(201).extract().path("id");
        admin().contentType("application/merge-patch+json").body("{\"body\": null}").patch(entries(blog) + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("body"));
        admin().contentType("application/merge-patch+json").body("{\"id\": \"x\"}").patch(entries(blog) + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION));
        assertEquals(1, count("select count(*) from liveblog_entry where article_id = ?", blog.id()));
    }

    @Test
    void anEntryIdOfAnotherLiveblogOrGoneIsA404() {
        Created one = article().with("kind", "liveblog").published();
        Created other = article().with("kind", "liveblog").published();
        String id = admin().body(entry("Mine.")).post(entries(one)).then().statusCode(201).extract().path("id");
        admin().contentType("application/merge-patch+json").body("{\"keyEvent\": true}").patch(entries(other) + "/" + id)
                .then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        admin().delete(entries(one) + "/" + id).then().statusCode(204);
        admin().delete(entries(one) + "/" + id).then().statusCode(404).contentType(Problems.JSON);
        admin().body(entry("Nowhere.")).post("/api/v1/admin/articles/" + UUID.randomUUID() + "/entries").then()
                .statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void entriesAreWrittenInTheArticlesDeskScopeWithWriterOwnershipAsForArticles() {
        String section = Fixtures.section();
        String elsewhere = Fixtures.section();
        Created blog = article().section(section).with("kind", "liveblog").published();
        Tokens.as(Tokens.secret("editor", elsewhere)).body(entry("Not my desk.")).post(entries(blog)).then()
                .statusCode(404).contentType(Problems.JSON);
        Tokens.as(Tokens.secret("editor", section)).body(entry("My desk.")).post(entries(blog)).then().statusCode(201);

        String writer = Tokens.secret("writer");
        Tokens.as(writer).body(entry("Not mine.")).post(entries(blog)).then().statusCode(403).contentType(Problems.JSON);
        String own = Tokens.as(writer).body(article().with("kind", "liveblog").body()).post("/api/v1/admin/articles")
                .then().statusCode(201).extract().path("id");
        Tokens.as(writer).body(entry("My own draft.")).post("/api/v1/admin/articles/" + own + "/entries").then().statusCode(201);
    }

    @Test
    void aTrashedLiveblogTakesNoEntryWrites() {
        Created blog = article().with("kind", "liveblog").draft();
        admin().header("If-Match", blog.etag()).delete(blog.adminPath()).then().statusCode(204);
        admin().body(entry("Too late.")).post(entries(blog)).then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT));
    }

    @Test
    void anEntryOfAPublicLiveblogIsALiveblogEntryOnTheStreamAndAnUpsertForPartners() throws SQLException {
        String partner = Partners.create(false);
        Created blog = article(Partners.notice("partners")).with("kind", "liveblog").published();
        String upsertsForPartner = "select count(*) from syndication_change where article_id = ? and kind = 'upsert' "
                + "and partner_id = cast('" + partner + "' as uuid)";
        int upserts = count(upsertsForPartner, blog.id());
        String id = admin().body(entry("Streamed.")).post(entries(blog)).then().statusCode(201).extract().path("id");
        assertEquals(1, count("select count(*) from stream_event where article_id = ? and kind = 'liveblog.entry' "
                + "and audience = 'public' and entry_id = cast('" + id + "' as uuid)", blog.id()));
        assertEquals(upserts + 1, count(upsertsForPartner, blog.id()), "partners receive the liveblog again, as an upsert");

        Created draft = article().with("kind", "liveblog").draft();
        admin().body(entry("Not public yet.")).post(entries(draft)).then().statusCode(201);
        assertEquals(0, count("select count(*) from stream_event where article_id = ? and audience = 'public'", draft.id()));
    }

    @Test
    void subscribersHearALiveblogEntryNamingTheEntry() {
        Created blog = article().with("kind", "liveblog").published();
        try (EventStreams stream = EventStreams.live(EventStreams.base() + "/api/v1/stream", Map.of())) {
            String id = admin().body(entry("Heard.")).post(entries(blog)).then().statusCode(201).extract().path("id");
            List<EventStreams.Event> seen = stream.until(EventStreams.is("liveblog.entry", blog.id()), Duration.ofSeconds(10));
            assertTrue(seen.get(seen.size() - 1).data().contains("\"entry\":\"" + id + "\""), seen.toString());
        }
    }

    @Test
    void anAuthorOnAnEntryCannotBeDeleted() {
        io.restassured.path.json.JsonPath created = Fixtures.createAuthor();
        String author = created.getString("slug");
        String authorId = created.getString("id");
        Created blog = article().with("kind", "liveblog").draft();
        admin().body(Map.of("body", entry("By them.").get("body"), "authors", List.of(author))).post(entries(blog))
                .then().statusCode(201);
        admin().delete("/api/v1/admin/authors/" + authorId).then().statusCode(409).contentType(Problems.JSON);
    }

    @Test
    void aNewEntryWaitsForAWriteThatHoldsItsArticleThenGoesThrough() throws Exception {
        Created blog = article().with("kind", "liveblog").published();
        Response posted = postWhileLocked(blog, holder -> { });
        posted.then().statusCode(201);
        assertEquals(1, count("select count(*) from liveblog_entry where article_id = ?", blog.id()));
        assertEquals(1, count("select count(*) from stream_event where article_id = ? and kind = 'liveblog.entry'", blog.id()));
    }

    @Test
    void aNewEntryWhoseLiveblogChangedBeforeItTookTheLockIsRefusedAndLeavesNothing() throws Exception {
        Created blog = article().with("kind", "liveblog").published();
        Response posted = postWhileLocked(blog, holder -> {
            // Another write of the article, committed while the entry waits: its revision moves.
            try (PreparedStatement s = holder.prepareStatement("update article set revision = revision + 1 where id = ?")) {
                s.setObject(1, UUID.fromString(blog.id()));
                s.executeUpdate();
            }
        });
        posted.then().statusCode(409).contentType(Problems.JSON).body("type", equalTo(Problems.CONFLICT))
                .body("detail", containsString("send the entry again"));
        assertEquals(0, count("select count(*) from liveblog_entry where article_id = ?", blog.id()));
        assertEquals(0, count("select count(*) from stream_event where article_id = ? and kind = 'liveblog.entry'", blog.id()));
    }

    interface Meanwhile {
        void run(Connection holder) throws SQLException;
    }

    /**
     * Posts an entry while another transaction holds the article's row lock; once the post waits
     * for it (seen in pg_stat_activity), runs {@code meanwhile} in that transaction and commits.
     */
    private Response postWhileLocked(Created blog, Meanwhile meanwhile) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement s = holder.prepareStatement("select 1 from article where id = ? for no key update")) {
                s.setObject(1, UUID.fromString(blog.id()));
                s.executeQuery().close();
            }
            CompletableFuture<Response> posted = CompletableFuture.supplyAsync(
                    () -> admin().body(entry("Posted while the article is locked.")).post(entries(blog)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!waitingForTheArticle(holder)) {
                assertTrue(System.nanoTime() < deadline && !posted.isDone(), () -> "the post never waited for the article's lock: "
                        + (posted.isDone() ? posted.join().statusCode() + " " + posted.join().asString() : "still running"));
                Thread.sleep(20);
            }
            meanwhile.run(holder);
            holder.commit();
            return posted.get(20, TimeUnit.SECONDS);
        }
    }

    /** Some backend waits for {@code holder}'s transaction: the post, on the article's row. */
    private static boolean waitingForTheArticle(Connection holder) throws SQLException {
        try (PreparedStatement s = holder.prepareStatement("select count(*) from pg_stat_activity "
                + "where pg_backend_pid() = any(pg_blocking_pids(pid))");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1) > 0;
        }
    }

    private List<String> pinned(Created blog) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select cast(id as text) from liveblog_entry where article_id = ? and pinned")) {
            s.setObject(1, UUID.fromString(blog.id()));
            try (ResultSet r = s.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (r.next()) {
                    ids.add(r.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, String articleId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(articleId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
