package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleWorkflowTest {

    @Test
    void typoFixKeepsUpdatedAtButAnUpdateNoteMovesItAndIsListed() {
        Created a = article().published();
        String updatedAt = given().get("/api/v1/articles/" + a.slug()).path("updatedAt");

        admin().header("If-Match", a.etag()).body("{\"summary\":\"A summary, fixed.\"}").patch(a.adminPath())
                .then().statusCode(200);
        given().get("/api/v1/articles/" + a.slug()).then().body("updatedAt", equalTo(updatedAt))
                .body("summary", equalTo("A summary, fixed.")).body("updates", hasSize(0));

        admin().header("If-Match", a.currentEtag())
                .body(Map.of("summary", "New facts.", "updateNote", "Adds a statement from the ministry."))
                .patch(a.adminPath()).then().statusCode(200);
        admin().header("If-Match", a.currentEtag())
                .body(Map.of("headline", "Corrected headline", "updateNote", "Corrects the minister's name.",
                        "updateKind", "correction"))
                .patch(a.adminPath()).then().statusCode(200);

        JsonPath read = given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).extract().jsonPath();
        assertNotEquals(updatedAt, read.getString("updatedAt"));
        assertEquals(read.getString("updatedAt"), read.getString("updates[1].at"));
        assertEquals("update", read.getString("updates[0].kind"));
        assertEquals("Adds a statement from the ministry.", read.getString("updates[0].note"));
        assertEquals("correction", read.getString("updates[1].kind"));
    }

    @Test
    void updateNoteOnADraftOrWithABadKindIsRefused() {
        Created draft = article().draft();
        admin().header("If-Match", draft.etag()).body(Map.of("updateNote", "x")).patch(draft.adminPath()).then()
                .statusCode(400).body("errors[0].field", equalTo("updateNote"));
        Created live = article().published();
        admin().header("If-Match", live.etag()).body(Map.of("updateNote", "x", "updateKind", "retraction"))
                .patch(live.adminPath()).then().statusCode(400).body("errors[0].field", equalTo("updateKind"));
    }

    @Test
    void articleScheduledAheadAppearsAtThatInstantWithoutAnyJob() {
        Created a = article().draft();
        // Read from the test clock, a minute ahead: a slow machine must not reach the instant on its own.
        Instant at = TestClock.get().instant().plusSeconds(60);
        admin().header("If-Match", a.etag()).body(Map.of("at", at.toString())).post(a.adminPath() + "/publish")
                .then().statusCode(200).body("status", equalTo("scheduled")).body("scheduledAt", notNullValue());
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(404);
        given().queryParam("tag", a.tag()).get("/api/v1/articles").then().body("data", hasSize(0));

        TestClock.get().advancePast(at);
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).body("publishedAt", notNullValue());
        given().queryParam("tag", a.tag()).get("/api/v1/articles").then().body("data.id", contains(a.id()));
        admin().get(a.adminPath()).then().body("status", equalTo("published"));
    }

    @Test
    void scheduleInThePastIsRefusedAndUnpublishCancelsASchedule() {
        Created a = article().draft();
        admin().header("If-Match", a.etag()).body(Map.of("at", "2020-01-01T00:00:00Z")).post(a.adminPath() + "/publish")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
        admin().header("If-Match", a.etag()).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                .post(a.adminPath() + "/publish").then().statusCode(200).body("status", equalTo("scheduled"));
        String later = Instant.now().plusSeconds(7200).toString();
        admin().header("If-Match", a.currentEtag()).body(Map.of("at", later)).post(a.adminPath() + "/publish")
                .then().statusCode(200).body("status", equalTo("scheduled"));
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/unpublish").then().statusCode(200)
                .body("status", equalTo("draft")).body("publishedAt", equalTo(null));
    }

    @Test
    void everyAcceptedChangeIsARevisionAndRestoreReproducesIt() {
        Created a = article().with("headline", "First version").published();
        admin().header("If-Match", a.currentEtag()).body(Map.of("headline", "Second version", "tags", java.util.List.of("x")))
                .patch(a.adminPath()).then().statusCode(200);

        admin().get(a.adminPath() + "/revisions").then().statusCode(200)
                .body("data.revision", contains(3, 2, 1))
                .body("data[0].changed", contains("headline", "tags"))
                .body("data[1].changed", contains("status", "publishedAt"))
                .body("data[0].by", equalTo("bootstrap-admin"));

        JsonPath first = admin().get(a.adminPath() + "/revisions/1").then().statusCode(200).extract().jsonPath();
        admin().header("If-Match", "\"3\"").post(a.adminPath() + "/revisions/1/restore").then().statusCode(200)
                .body("revision", equalTo(4)).body("status", equalTo("published"));
        JsonPath now = admin().get(a.adminPath()).then().extract().jsonPath();
        for (String field : new String[] {"slug", "headline", "summary", "body", "section", "authors", "tags", "copyrightNotice"}) {
            assertEquals((Object) first.get("article." + field), now.get(field), field);
        }
        admin().get(a.adminPath() + "/revisions/99").then().statusCode(404);
    }

    @Test
    void restoreNamesTheRevisionsAuthorAndSectionAsTheyAreCalledNow() {
        JsonPath author = Fixtures.createAuthor();
        JsonPath section = Fixtures.createSection(null);
        Created a = article().section(section.getString("slug")).authors(author.getString("slug")).draft();
        admin().header("If-Match", a.currentEtag())
                .body(Map.of("section", Fixtures.section(), "authors", List.of(Fixtures.author())))
                .patch(a.adminPath()).then().statusCode(200);
        // Both renamed after revision 1, and their old slugs given to someone else.
        String authorNow = Api.unique("renamed-author");
        String sectionNow = Api.unique("renamed-section");
        mergePatch(Fixtures.AUTHORS + "/" + author.getString("id"), Map.of("slug", authorNow));
        mergePatch(Fixtures.SECTIONS + "/" + section.getString("id"), Map.of("slug", sectionNow));
        Fixtures.create(Fixtures.AUTHORS, Map.of("slug", author.getString("slug"), "name", "Someone Else",
                "email", Api.unique("else") + "@example.com"));
        Fixtures.create(Fixtures.SECTIONS, Map.of("slug", section.getString("slug"), "name", "Another Section"));

        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/revisions/1/restore").then()
                .statusCode(200).contentType("application/json")
                .body("revision", equalTo(3))
                .body("authors.slug", contains(authorNow))
                .body("authors.name", contains(author.getString("name")))
                .body("section.slug", equalTo(sectionNow))
                .body("section.name", equalTo(section.getString("name")));
    }

    @Test
    void restoringARevisionWhoseAuthorWasDeletedSinceIsABadRequestThatChangesNothing() {
        JsonPath gone = Fixtures.createAuthor();
        String stays = Fixtures.author();
        Created a = article().authors(gone.getString("slug")).draft();
        admin().header("If-Match", a.currentEtag()).body(Map.of("authors", List.of(stays)))
                .patch(a.adminPath()).then().statusCode(200);
        admin().delete(Fixtures.AUTHORS + "/" + gone.getString("id")).then().statusCode(204);
        String etag = a.currentEtag();

        admin().header("If-Match", etag).post(a.adminPath() + "/revisions/1/restore").then()
                .statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("authors"))
                .body("errors[0].message", containsString("deleted since"));
        admin().get(a.adminPath()).then().statusCode(200).header("ETag", equalTo(etag))
                .body("authors.slug", contains(stays));
        admin().get(a.adminPath() + "/revisions").then().body("data.revision", contains(2, 1));
    }

    private static void mergePatch(String path, Map<String, Object> fields) {
        admin().contentType("application/merge-patch+json").body(fields).patch(path).then().statusCode(200);
    }

    @Test
    void publishingTwiceChangesNothingAndTrashedArticlesCannotBePublished() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).post(a.adminPath() + "/publish").then().statusCode(200)
                .header("ETag", equalTo(a.etag()));
        admin().header("If-Match", a.etag()).delete(a.adminPath()).then().statusCode(204);
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish").then().statusCode(409);
    }
}
