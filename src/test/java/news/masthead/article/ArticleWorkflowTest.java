package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
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
    void articleScheduledTwoSecondsAheadAppearsAtThatInstantWithoutAnyJob() {
        Created a = article().draft();
        Instant at = Instant.now().plusSeconds(2);
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
    void publishingTwiceChangesNothingAndTrashedArticlesCannotBePublished() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).post(a.adminPath() + "/publish").then().statusCode(200)
                .header("ETag", equalTo(a.etag()));
        admin().header("If-Match", a.etag()).delete(a.adminPath()).then().statusCode(204);
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish").then().statusCode(409);
    }
}
