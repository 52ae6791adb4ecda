package news.masthead.access;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void secretIsShownOnceAndNeverListed() {
        String name = Api.unique("desk");
        var created = admin().body(Map.of("name", name, "role", "editor")).post("/api/v1/admin/tokens").then()
                .statusCode(201).header("Location", notNullValue())
                .body("secret", matchesPattern("mh_[A-Za-z0-9_-]{43}")).extract();
        String id = created.path("id");
        admin().get("/api/v1/admin/tokens/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("secret", nullValue()).body("secretHash", nullValue());
        admin().get("/api/v1/admin/tokens?limit=100").then().statusCode(200).body("data.id", hasItem(id))
                .body("data.secret", not(hasItem(notNullValue())));
    }

    @Test
    void revokedTokenIsRefusedOnItsNextRequest() {
        var created = admin().body(Map.of("name", Api.unique("t"), "role", "editor")).post("/api/v1/admin/tokens")
                .then().statusCode(201).extract();
        String secret = created.path("secret");
        Tokens.as(secret).get("/api/v1/admin/articles").then().statusCode(200);
        admin().delete("/api/v1/admin/tokens/" + created.path("id")).then().statusCode(204);
        Tokens.as(secret).get("/api/v1/admin/articles").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void expiryMustBeInTheFutureAndRoleMustBeKnown() {
        admin().body(Map.of("name", "x", "role", "editor", "expiresAt", "2020-01-01T00:00:00Z")).post("/api/v1/admin/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        admin().body(Map.of("name", "x", "role", "owner")).post("/api/v1/admin/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        admin().body(Map.of("name", "x", "role", "editor", "secret", "mine")).post("/api/v1/admin/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
    }

    @Test
    void onlyAdminsManageTokens() {
        String editor = Tokens.secret("editor");
        Tokens.as(editor).get("/api/v1/admin/tokens").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:forbidden"));
        Tokens.as(editor).body(Map.of("name", "x", "role", "admin")).post("/api/v1/admin/tokens").then().statusCode(403);
    }

    @Test
    void writerCannotPublishAndTheArticleIsUnchanged() {
        String writer = Tokens.secret("writer");
        Created draft = createAs(writer, article().body());
        Tokens.as(writer).header("If-Match", draft.etag()).post(draft.adminPath() + "/publish").then()
                .statusCode(403).contentType(PROBLEM);
        Tokens.as(writer).header("If-Match", draft.etag()).delete(draft.adminPath()).then().statusCode(403);
        admin().get(draft.adminPath()).then().body("status", equalTo("draft")).body("revision", equalTo(1));
    }

    @Test
    void writerEditsOnlyItsOwnUnpublishedArticles() {
        String writer = Tokens.secret("writer");
        Created own = createAs(writer, article().body());
        Tokens.as(writer).header("If-Match", own.etag()).body(Map.of("headline", "Mine, edited"))
                .patch(own.adminPath()).then().statusCode(200);
        Created someoneElses = article().draft();
        Tokens.as(writer).header("If-Match", someoneElses.etag()).body(Map.of("headline", "Not mine"))
                .patch(someoneElses.adminPath()).then().statusCode(403);
        admin().header("If-Match", own.currentEtag()).post(own.adminPath() + "/publish").then().statusCode(200);
        Tokens.as(writer).header("If-Match", own.currentEtag()).body(Map.of("headline", "After publication"))
                .patch(own.adminPath()).then().statusCode(403);
        Tokens.as(writer).get("/api/v1/admin/authors").then().statusCode(200);
        Tokens.as(writer).body(Map.of("name", "Nobody")).post("/api/v1/admin/authors").then().statusCode(403);
    }

    @Test
    void deskTokenSeesAndChangesOnlyItsSections() {
        String politics = Fixtures.section();
        String sport = Fixtures.section();
        String desk = Tokens.secret("editor", politics);
        Created mine = article().section(politics).draft();
        Created theirs = article().section(sport).draft();

        Tokens.as(desk).get(mine.adminPath()).then().statusCode(200);
        Tokens.as(desk).get(theirs.adminPath()).then().statusCode(404).contentType(PROBLEM);
        Tokens.as(desk).header("If-Match", theirs.etag()).post(theirs.adminPath() + "/publish").then().statusCode(404);
        Tokens.as(desk).get("/api/v1/admin/articles?limit=100").then().statusCode(200)
                .body("data.id", hasItem(mine.id())).body("data.id", not(hasItem(theirs.id())));
        Tokens.as(desk).header("If-Match", mine.etag()).body(Map.of("section", sport)).patch(mine.adminPath())
                .then().statusCode(403);
        Tokens.as(desk).body(article().section(sport).body()).post("/api/v1/admin/articles").then().statusCode(403);
        admin().get(mine.adminPath()).then().body("section.slug", equalTo(politics));
    }

    @Test
    void partnerTokenReachesNoAdminOrContentWrite() {
        String partner = news.masthead.testsupport.Partners.token(news.masthead.testsupport.Partners.create(false));
        Tokens.as(partner).get("/api/v1/admin/articles").then().statusCode(403);
        given().get("/api/v1/articles").then().statusCode(200);
    }

    /** The foreign key decides whether the partner exists; its violation is the caller's 400, never a 500. */
    @Test
    void partnerTokenForAPartnerThatDoesNotExistIsRefusedNamingPartner() {
        String name = Api.unique("ghost-partner-token");
        admin().body(Map.of("name", name, "role", "partner", "partner", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/admin/tokens").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:validation"))
                .body("errors[0].field", equalTo("partner"));
        admin().get("/api/v1/admin/tokens?limit=100").then().statusCode(200).body("data.name", not(hasItem(name)));
    }

    private static Created createAs(String secret, Map<String, Object> body) {
        var r = Tokens.as(secret).body(body).post("/api/v1/admin/articles");
        r.then().statusCode(201);
        return new Created(r.path("id"), r.path("slug"), r.header("ETag"));
    }
}
