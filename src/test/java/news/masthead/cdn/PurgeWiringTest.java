package news.masthead.cdn;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.transfer.Transfer;
import org.junit.jupiter.api.Test;

/**
 * Which writes queue which purges: every write that changes public answers puts their surrogate
 * keys into the outbox in its own transaction, and nothing else does. The worker is off (the
 * profile of {@link PurgeOutboxTest}); the rows are read as the commit left them, and one test
 * drains them into the recorder to show they leave as PURGE requests.
 */
@QuarkusTest
@TestProfile(PurgeOutboxTest.Purging.class)
class PurgeWiringTest {
    @Inject
    AgroalDataSource db;
    @Inject
    PurgeWorker worker;
    @Inject
    Transfer transfer;

    /** A queued purge as the outbox holds it: its keys and when it falls due. */
    record Queued(String keys, Instant due) {
    }

    @Test
    void everyArticleWriteThePublicCanSeeQueuesItsKeyAndTheListsAtCommit() {
        Created a = article().draft();
        String key = "article-" + a.id();
        admin().header("If-Match", a.currentEtag()).body(Map.of("summary", "A draft edit.")).patch(a.adminPath())
                .then().statusCode(200);
        assertEquals(List.of(), queued(key), "creating and editing a draft changes nothing public");

        List<Runnable> publicWrites = List.of(
                () -> admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish").then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).body(Map.of("headline", "Corrected headline",
                        "updateNote", "Corrects the headline.", "updateKind", "correction")).patch(a.adminPath())
                        .then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).body(Map.of("summary", "A silent fix."))
                        .patch(a.adminPath()).then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/unpublish").then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish").then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).body(Map.of("reason", "Legal."))
                        .post(a.adminPath() + "/kill").then().statusCode(200),
                () -> admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/restore").then().statusCode(200));
        for (int i = 0; i < publicWrites.size(); i++) {
            Instant before = Instant.now().minusSeconds(1);
            publicWrites.get(i).run();
            List<Queued> rows = queued(key);
            assertEquals(i + 1, rows.size(), "write " + i + " queued one purge: " + rows);
            Queued last = rows.get(rows.size() - 1);
            assertEquals(key + " articles", last.keys());
            assertTrue(!last.due().isBefore(before) && last.due().isBefore(Instant.now().plusSeconds(1)),
                    "due at its commit: " + last.due());
        }
        admin().header("If-Match", a.currentEtag()).body(Map.of("summary", "Edited as a draft again."))
                .patch(a.adminPath()).then().statusCode(200);
        assertEquals(publicWrites.size(), queued(key).size(), "a restored draft is nobody's business again");
    }

    @Test
    void aScheduleOrAnEmbargoQueuesItsPurgeForTheInstantItTurnsPublic() {
        Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Created scheduled = article().draft();
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", at.toString()))
                .post(scheduled.adminPath() + "/publish").then().statusCode(200);
        assertEquals(List.of(new Queued("article-" + scheduled.id() + " articles", at)), queued(scheduled.id()),
                "nothing public changes at the commit; the lists change at the instant");

        Instant embargo = at.plusSeconds(600);
        Created embargoed = article().draft();
        admin().header("If-Match", embargoed.etag()).body(Map.of("embargoedUntil", embargo.toString()))
                .post(embargoed.adminPath() + "/publish").then().statusCode(200);
        assertEquals(List.of(new Queued("article-" + embargoed.id() + " articles", embargo)), queued(embargoed.id()));
    }

    @Test
    void authorSectionAndNoticeWritesQueueWhatTheyShow() {
        JsonPath author = Fixtures.createAuthor();
        String authorKey = "author-" + author.getString("id");
        assertEquals(List.of(authorKey + " authors"), keys(authorKey));
        patch("/api/v1/admin/authors/" + author.getString("id"), Map.of("jobTitle", "Night editor"));
        patch("/api/v1/admin/authors/" + author.getString("id"), Map.of("slug", Api.unique("renamed")));
        assertEquals(List.of(authorKey + " authors", authorKey + " authors", authorKey + " authors articles"),
                keys(authorKey), "a new slug also changes the article lists filtered by the old one");

        JsonPath parent = Fixtures.createSection(null);
        JsonPath section = Fixtures.createSection(null);
        String sectionKey = "section-" + section.getString("id");
        patch("/api/v1/admin/sections/" + section.getString("id"), Map.of("description", "About the harbour."));
        patch("/api/v1/admin/sections/" + section.getString("id"), Map.of("parent", parent.getString("slug")));
        admin().delete("/api/v1/admin/sections/" + section.getString("id")).then().statusCode(204);
        assertEquals(List.of(sectionKey + " sections", sectionKey + " sections", sectionKey + " sections articles",
                sectionKey + " sections articles"), keys(sectionKey),
                "moving it changes what lists filtered by its old and new ancestors hold");

        String notice = Fixtures.notice(false);
        patch("/api/v1/admin/copyright-notices/" + notice, Map.of("usageTerms", "Not for resale."));
        assertEquals(List.of("notice-" + notice, "notice-" + notice), keys("notice-" + notice));
        String previousDefault = Fixtures.ensureDefaultNotice();
        String newDefault = Fixtures.notice(true);
        assertEquals(List.of("notice-" + newDefault + " feeds"), keys("notice-" + newDefault),
                "the feeds' rights line is the default notice's");
        patch("/api/v1/admin/copyright-notices/" + previousDefault, Map.of("isDefault", true));
        assertEquals("notice-" + previousDefault + " feeds", last(keys("notice-" + previousDefault)));
        Fixtures.ensureDefaultNotice();
    }

    @Test
    void anImportQueuesAPurgeOfTheListsItAddsTo() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        Path archive = Files.createTempFile("import", ".ndjson");
        String slug = Api.unique("imported-author");
        Files.writeString(archive, "{\"kind\":\"author\",\"record\":{\"id\":\"" + UUID.randomUUID() + "\",\"slug\":\"" + slug
                + "\",\"name\":\"Imported Author\",\"created_at\":\"2026-01-01T00:00:00Z\",\"modified_at\":\"2026-01-01T00:00:00Z\"}}\n");
        try {
            assertEquals(0, transfer.run("--import", archive.toString()));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            Files.deleteIfExists(archive);
        }
        List<Queued> rows = query("select keys, next_attempt_at from cdn_purge where keys = ? and created_at >= ?",
                "articles sections authors", before);
        assertEquals(1, rows.size(), rows.toString());
        admin().get("/api/v1/admin/authors?limit=100").then().statusCode(200);
    }

    @Test
    void queuedPurgesLeaveAsPurgeRequestsForTheirKeys() {
        Created a = article().published();
        String key = "article-" + a.id();
        worker.drain();
        int afterPublish = PurgeOutboxTest.Recorder.recorder.count(key);
        assertTrue(afterPublish >= 1, "the publish was purged");
        int listsAfterPublish = PurgeOutboxTest.Recorder.recorder.count("articles");
        admin().header("If-Match", a.currentEtag()).body(Map.of("reason", "Legal.")).post(a.adminPath() + "/kill")
                .then().statusCode(200);
        worker.drain();
        // Queued purges due together may share one request, so each drain is counted on its own.
        assertTrue(PurgeOutboxTest.Recorder.recorder.count(key) > afterPublish, "the kill was purged");
        assertTrue(PurgeOutboxTest.Recorder.recorder.count("articles") > listsAfterPublish);
    }

    private static void patch(String path, Map<String, Object> fields) {
        admin().contentType("application/merge-patch+json").body(fields).patch(path).then().statusCode(200);
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    private List<String> keys(String key) {
        return queued(key).stream().map(Queued::keys).toList();
    }

    /** The outbox rows naming {@code fragment}, oldest first. */
    private List<Queued> queued(String fragment) {
        return query("select keys, next_attempt_at from cdn_purge where keys like ? order by id", "%" + fragment + "%", null);
    }

    private List<Queued> query(String sql, String text, Instant after) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, text);
            if (after != null) {
                s.setObject(2, java.time.OffsetDateTime.ofInstant(after, java.time.ZoneOffset.UTC));
            }
            try (ResultSet r = s.executeQuery()) {
                List<Queued> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new Queued(r.getString(1), r.getObject(2, java.time.OffsetDateTime.class).toInstant()));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
