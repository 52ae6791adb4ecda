package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Revisions stored before snapshots had a type of their own hold the admin API response of the
 * time (schema 1, no {@code schema} field). The fixture is such a row, written into
 * article_revision as raw JSON; it must read as it was and restore like any revision.
 */
@QuarkusTest
class StoredRevisionShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void anAdminResponseStoredAsSnapshotReadsAsItWasAndRestores() throws Exception {
        Stored old = storeSchema1Revision(fixture -> { });

        Response read = admin().get(old.article().adminPath() + "/revisions/1");
        read.then().statusCode(200).contentType("application/json")
                .body("revision", equalTo(1)).body("at", equalTo("2025-05-02T10:40:00Z")).body("by", equalTo("night-editor"));
        // Field for field what the admin API showed then, names of the time included; fields it gained
        // since read as they would for such an article then (not killed).
        assertEquals(asStory(old.snapshot().deepCopy().putNull("killed")).putNull("leadImage").putNull("headlines"), JSON.readTree(read.asString()).get("article"));

        admin().header("If-Match", "\"1\"").post(old.article().adminPath() + "/revisions/1/restore").then()
                .statusCode(200).contentType("application/json")
                .header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("status", equalTo("draft"))
                .body("slug", equalTo(old.snapshot().get("slug").asText()))
                .body("headline", equalTo("Harbour board approves the new ferry timetable"))
                .body("section.slug", equalTo(old.sectionSlug()))
                .body("authors.slug", contains(old.authorSlug()))
                .body("tags", contains("ferries", "harbour board"))
                .body("copyrightNotice", equalTo(old.noticeId()));
        JsonNode restored = JSON.readTree(admin().get(old.article().adminPath()).asString());
        assertEquals(old.snapshot().get("body"), restored.get("body"));
        assertEquals(old.snapshot().get("summary"), restored.get("summary"));

        // The restore is itself a revision, stored in the current shape and read back the same way.
        admin().get(old.article().adminPath() + "/revisions").then().statusCode(200)
                .body("data.revision", contains(2, 1))
                .body("data[0].changed", contains("slug", "headline", "summary", "body", "section", "authors", "tags",
                        "copyrightNotice"));
        JsonNode second = JSON.readTree(admin().get(old.article().adminPath() + "/revisions/2").asString()).get("article");
        assertEquals(restored, second);
        assertEquals(Integer.toString(ArticleSnapshot.SCHEMA), storedSchema(old.article().id(), 2), "new revisions store the versioned snapshot");
    }

    @Test
    void aScheduledSnapshotOfTheOldShapeStillReadsAsScheduledAndIgnoresFieldsSinceDropped() throws Exception {
        Stored old = storeSchema1Revision(fixture -> {
            fixture.put("status", "scheduled");
            fixture.put("scheduledAt", "2025-05-03T06:00:00Z");
            fixture.put("embargoedUntil", "2025-05-03T06:00:00Z");
            fixture.put("kicker", "a field the admin API no longer has");
        });

        Response read = admin().get(old.article().adminPath() + "/revisions/1");
        read.then().statusCode(200).contentType("application/json")
                .body("article.status", equalTo("scheduled"))
                .body("article.scheduledAt", equalTo("2025-05-03T06:00:00Z"))
                .body("article.embargoedUntil", equalTo("2025-05-03T06:00:00Z"));
        ObjectNode expected = old.snapshot().deepCopy();
        expected.remove("kicker");
        expected.putNull("killed");
        asStory(expected);
        expected.putNull("leadImage");
        expected.putNull("headlines");
        assertEquals(expected, JSON.readTree(read.asString()).get("article"));

        admin().header("If-Match", "\"1\"").post(old.article().adminPath() + "/revisions/1/restore").then()
                .statusCode(200).body("revision", equalTo(2))
                .body("headline", equalTo("Harbour board approves the new ferry timetable"));
    }

    @Test
    void aSchema2SnapshotWithoutKillReadsAsNotKilled() throws Exception {
        Created a = article().published();
        String current = JSON.readTree(admin().get(a.adminPath() + "/revisions/2").asString()).get("article").toString();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update article_revision set snapshot = "
                     + "jsonb_set(snapshot - 'kill', '{schema}', '2') where article_id = ? and revision = 2")) {
            s.setObject(1, UUID.fromString(a.id()));
            assertEquals(1, s.executeUpdate());
        }
        assertEquals("2", storedSchema(a.id(), 2));
        JsonNode read = JSON.readTree(admin().get(a.adminPath() + "/revisions/2").asString()).get("article");
        assertEquals(JSON.readTree(current), read);
        assertTrue(read.get("killed").isNull());
    }

    @Test
    void aSchema3SnapshotReadsAsAStoryThatIsNotLiveWithoutLeadImageOrHeadlines() throws Exception {
        Created a = article().published();
        String current = JSON.readTree(admin().get(a.adminPath() + "/revisions/2").asString()).get("article").toString();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update article_revision set snapshot = jsonb_set(snapshot - 'kind' - 'live' "
                     + "- 'leadImage' - 'headlines', '{schema}', '3') where article_id = ? and revision = 2")) {
            s.setObject(1, UUID.fromString(a.id()));
            assertEquals(1, s.executeUpdate());
        }
        assertEquals("3", storedSchema(a.id(), 2));
        JsonNode read = JSON.readTree(admin().get(a.adminPath() + "/revisions/2").asString()).get("article");
        assertEquals("story", read.get("kind").asText());
        assertEquals(false, read.get("live").asBoolean());
        assertEquals(JSON.readTree(current), read);
        assertTrue(read.get("leadImage").isNull());
        assertTrue(read.get("headlines").isNull());
    }

    /** A snapshot from before liveblogs reads as a story that is not live. */
    private static ObjectNode asStory(ObjectNode article) {
        return article.put("kind", "story").put("live", false);
    }

    private record Stored(Created article, ObjectNode snapshot, String sectionSlug, String authorSlug, String noticeId) {
    }

    private interface Edit {
        void apply(ObjectNode fixture);
    }

    /**
     * A draft whose revision 1 is replaced by the fixture: its section, author and notice exist (a
     * restore names them), its slug is new, and the stored row is exactly the fixture's text.
     */
    private Stored storeSchema1Revision(Edit edit) throws IOException, SQLException {
        String section = Fixtures.section();
        String author = Fixtures.author();
        String notice = Fixtures.notice(false);
        Created a = article().draft();
        String text = fixture()
                .replace("${ARTICLE_ID}", a.id())
                .replace("${SLUG}", Api.unique("ferry-timetable"))
                .replace("${SECTION_SLUG}", section)
                .replace("${AUTHOR_SLUG}", author)
                .replace("${NOTICE_ID}", notice);
        ObjectNode snapshot = (ObjectNode) JSON.readTree(text);
        edit.apply(snapshot);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from article_revision where article_id = ? and revision = 1");
                 PreparedStatement insert = c.prepareStatement("insert into article_revision (article_id, revision, at, by, changed, snapshot) "
                         + "values (?, 1, ?, 'night-editor', array['headline', 'updates'], cast(? as jsonb))")) {
                delete.setObject(1, UUID.fromString(a.id()));
                assertEquals(1, delete.executeUpdate());
                insert.setObject(1, UUID.fromString(a.id()));
                Instant at = Instant.parse(snapshot.get("status").asText().equals("scheduled")
                        ? "2025-05-02T12:00:00Z" : "2025-05-02T10:40:00Z");
                insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(3, JSON.writeValueAsString(snapshot));
                assertEquals(1, insert.executeUpdate());
            }
            c.commit();
        }
        return new Stored(a, snapshot, section, author, notice);
    }

    private String storedSchema(String articleId, int revision) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select snapshot ->> 'schema' from article_revision "
                     + "where article_id = ? and revision = ?")) {
            s.setObject(1, UUID.fromString(articleId));
            s.setInt(2, revision);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = StoredRevisionShapesTest.class.getResourceAsStream("/revisions/schema1-admin-response.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
