package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminArticleApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:masthead:problem:validation";

    @Test
    void createStartsADraftWithLocationAndEtag() {
        var body = article().body();
        admin().body(body).post("/api/v1/admin/articles").then()
                .statusCode(201).contentType("application/json")
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/admin/articles/"))
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("draft"))
                .body("revision", equalTo(1))
                .body("slug", equalTo(body.get("slug")))
                .body("createdBy", equalTo("bootstrap-admin"))
                .body("copyrightNotice", notNullValue());
    }

    @Test
    void missingSlugIsDerivedFromTheHeadlineAndKeptUnique() {
        String word = Api.unique("budapest");
        Map<String, Object> body = Map.of("headline", "Leaders to meet in ‘" + word + "’ — talks, at last!");
        String first = admin().body(body).post("/api/v1/admin/articles").then().statusCode(201).extract().path("slug");
        String second = admin().body(body).post("/api/v1/admin/articles").then().statusCode(201).extract().path("slug");
        org.junit.jupiter.api.Assertions.assertEquals("leaders-to-meet-in-" + word + "-talks-at-last", first);
        org.junit.jupiter.api.Assertions.assertEquals(first + "-2", second);
    }

    @Test
    void getAnswersEveryStatusWithEtag() {
        Created a = article().draft();
        admin().get(a.adminPath()).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("draft")).body("modifiedAt", notNullValue());
        admin().get("/api/v1/admin/articles?status=draft&limit=100").then().statusCode(200)
                .body("data.id", hasItem(a.id()));
        admin().get("/api/v1/admin/articles?status=published&limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(a.id())));
    }

    @Test
    void readOnlyPropertiesAreRefusedByName() {
        Created a = article().draft();
        for (String field : List.of("status", "id", "revision", "publishedAt", "createdAt")) {
            admin().header("If-Match", a.etag()).body(Map.of(field, "x")).patch(a.adminPath()).then()
                    .statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo(field))
                    .body("detail", org.hamcrest.Matchers.containsString(field));
        }
        var body = article().with("status", "published").body();
        admin().body(body).post("/api/v1/admin/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().get(a.adminPath()).then().body("revision", equalTo(1)).body("status", equalTo("draft"));
    }

    @Test
    void invalidValuesListEveryFieldAtFault() {
        var body = article().with("headline", " ").with("slug", "Not A Slug")
                .with("body", List.of(Map.of("type", "heading", "text", "Hi", "level", 7))).body();
        admin().body(body).post("/api/v1/admin/articles").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("body[0].level", "headline", "slug"));
    }

    @Test
    void unknownBlockTypeIsRefused() {
        var body = article().with("body", List.of(Map.of("type", "marquee", "text", "x"))).body();
        admin().body(body).post("/api/v1/admin/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body[0].type"));
    }

    @Test
    void unknownSectionAuthorOrNoticeIsNamed() {
        admin().body(article().section("no-such-section").body()).post("/api/v1/admin/articles").then()
                .statusCode(400).body("errors[0].field", equalTo("section"));
        admin().body(article().authors("no-such-author").body()).post("/api/v1/admin/articles").then()
                .statusCode(400).body("errors[0].field", equalTo("authors"));
        admin().body(article().with("copyrightNotice", UUID.randomUUID().toString()).body()).post("/api/v1/admin/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("copyrightNotice"));
    }

    @Test
    void explicitSlugClashIsAConflictNamingTheSlug() {
        Created a = article().draft();
        admin().body(article().with("slug", a.slug()).body()).post("/api/v1/admin/articles").then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:masthead:problem:conflict"))
                .body("detail", org.hamcrest.Matchers.containsString(a.slug()));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullClears() {
        Created a = article().draft();
        admin().contentType("application/merge-patch+json").header("If-Match", a.etag())
                .body("{\"headline\":\"A new headline\",\"summary\":null}").patch(a.adminPath()).then()
                .statusCode(200).header("ETag", equalTo("\"2\""))
                .body("headline", equalTo("A new headline"))
                .body("summary", equalTo(null))
                .body("slug", equalTo(a.slug()))
                .body("body[0].type", equalTo("paragraph"));
    }

    @Test
    void writesWithoutIfMatchAreRefusedAndStaleOnesNameTheCurrentRevision() {
        Created a = article().draft();
        admin().body("{\"headline\":\"x\"}").patch(a.adminPath()).then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:precondition-required"));
        admin().header("If-Match", a.etag()).body("{\"headline\":\"first\"}").patch(a.adminPath()).then().statusCode(200);
        admin().header("If-Match", a.etag()).body("{\"headline\":\"second\"}").patch(a.adminPath()).then()
                .statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:masthead:problem:precondition-failed"))
                .body("currentRevision", equalTo(2));
        admin().header("If-Match", a.etag()).delete(a.adminPath()).then().statusCode(412);
        admin().delete(a.adminPath()).then().statusCode(428);
        admin().get(a.adminPath()).then().body("headline", equalTo("first"));
    }

    @Test
    void trashAndRestoreBringTheArticleBackAsADraft() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).delete(a.adminPath()).then().statusCode(204);
        admin().get(a.adminPath()).then().body("status", equalTo("trashed"));
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/restore").then().statusCode(200)
                .body("status", equalTo("draft"));
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/restore").then().statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void unknownOrMalformedIdIsNotFound() {
        admin().get("/api/v1/admin/articles/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:not-found"));
        admin().get("/api/v1/admin/articles/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void adminApiNeedsAKnownBearerToken() {
        given().get("/api/v1/admin/articles").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:masthead:problem:unauthorized"));
        given().header("Authorization", "Bearer not-the-token").get("/api/v1/admin/articles").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").contentType("application/json").body("{}")
                .post("/api/v1/admin/articles").then().statusCode(401);
    }
}
