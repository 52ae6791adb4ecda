package news.masthead.preview;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreviewApiTest {
    private static final String PREVIEW = "/api/v1/preview/articles/";

    @Test
    void linkTokenOpensOnlyItsArticleAndStopsAtRevoke() {
        Created draft = article().with("headline", "A draft nobody outside sees").draft();
        Created other = article().draft();
        Response link = admin().post(draft.adminPath() + "/preview-links");
        link.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/admin/articles/" + draft.id() + "/preview-links/"))
                .body("token", matchesPattern("pv_[A-Za-z0-9_-]{43}")).body("expiresAt", notNullValue());
        String token = link.path("token");

        given().queryParam("token", token).get(PREVIEW + draft.slug()).then().statusCode(200)
                .contentType("application/json").body("id", equalTo(draft.id()))
                .body("headline", equalTo("A draft nobody outside sees")).body("status", equalTo("draft"))
                .body("revision", equalTo(1)).body("publishedAt", equalTo(null))
                .header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex");
        given().queryParam("token", token).get(PREVIEW + other.slug()).then().statusCode(404)
                .contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND))
                .header("Cache-Control", "private, no-store");
        // The list is for bearer tokens only: a link opens one article, nothing else.
        given().queryParam("token", token).get("/api/v1/preview/articles").then().statusCode(401);

        // The secret is in the URL, but never in a metric's tags (they name the route template).
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(token.substring(3)), "the link secret is in /q/metrics");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("/api/v1/preview/articles/{slug}"), "metrics name the route");

        admin().delete(draft.adminPath() + "/preview-links/" + link.path("id")).then().statusCode(204);
        given().queryParam("token", token).get(PREVIEW + draft.slug()).then().statusCode(404)
                .body("type", equalTo(Problems.NOT_FOUND));
        admin().get(draft.adminPath() + "/preview-links").then().statusCode(200).body("data", empty());
    }

    @Test
    void linkTokenStopsWhenItsArticleIsTrashedAndANewOneIsRefused() {
        Created draft = article().draft();
        String token = admin().post(draft.adminPath() + "/preview-links").then().statusCode(201).extract().path("token");
        given().queryParam("token", token).get(PREVIEW + draft.slug()).then().statusCode(200);

        admin().header("If-Match", draft.etag()).delete(draft.adminPath()).then().statusCode(204);
        given().queryParam("token", token).get(PREVIEW + draft.slug()).then().statusCode(404);
        admin().get(PREVIEW + draft.slug()).then().statusCode(404);
        admin().post(draft.adminPath() + "/preview-links").then().statusCode(409)
                .body("type", equalTo(Problems.CONFLICT));
    }

    @Test
    void aTokenOfTheWrongShapeOrUnknownIsA404AndNeverEchoed() {
        Created draft = article().draft();
        String unknown = "pv_" + "A".repeat(43);
        for (String token : new String[] {unknown, "mh_not-a-preview-token", "x"}) {
            String body = given().queryParam("token", token).get(PREVIEW + draft.slug()).then().statusCode(404)
                    .extract().asString();
            assertFalse(body.contains(token), body);
        }
    }

    @Test
    void linksAreListedWithoutSecretsAndExpiryIsBounded() {
        Created draft = article().draft();
        admin().body(Map.of("expiresIn", 59)).post(draft.adminPath() + "/preview-links").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresIn"));
        admin().body(Map.of("expiresIn", 604_801)).post(draft.adminPath() + "/preview-links").then().statusCode(400);
        admin().body(Map.of("expiresIn", 60, "other", 1)).post(draft.adminPath() + "/preview-links").then().statusCode(400);
        Response made = admin().body(Map.of("expiresIn", 3600)).post(draft.adminPath() + "/preview-links");
        made.then().statusCode(201);
        Instant expires = Instant.parse(made.path("expiresAt"));
        org.junit.jupiter.api.Assertions.assertTrue(expires.isAfter(Instant.now().plusSeconds(3500)), expires.toString());
        admin().get(draft.adminPath() + "/preview-links").then().statusCode(200)
                .body("data.id", containsInAnyOrder(made.path("id").toString()))
                .body("data[0].createdBy", equalTo("bootstrap-admin")).body("data[0]", not(hasItem("token")))
                .body("data[0].token", equalTo(null));
        admin().get(draft.adminPath() + "/preview-links/" + made.path("id")).then().statusCode(200)
                .body("expiresAt", equalTo(made.path("expiresAt").toString()));
        admin().get("/api/v1/admin/articles/" + java.util.UUID.randomUUID() + "/preview-links").then().statusCode(404);
    }

    @Test
    void writerPreviewsAndLinksOnlyItsOwnArticles() {
        String writer = Tokens.secret("writer");
        String otherWriter = Tokens.secret("writer");
        String mine = Tokens.as(writer).body(article().body()).post(Fixtures.ARTICLES).then().statusCode(201)
                .extract().path("slug");
        Response theirs = Tokens.as(otherWriter).body(article().body()).post(Fixtures.ARTICLES);
        String theirSlug = theirs.path("slug");
        String theirId = theirs.path("id");

        Tokens.as(writer).get(PREVIEW + mine).then().statusCode(200).body("status", equalTo("draft"));
        Tokens.as(writer).get(PREVIEW + theirSlug).then().statusCode(404);
        Tokens.as(writer).queryParam("q", "Headline").queryParam("limit", 100).get("/api/v1/preview/articles")
                .then().statusCode(200).body("data.slug", not(hasItem(theirSlug)));
        Tokens.as(writer).queryParam("limit", 100).get("/api/v1/preview/articles").then().statusCode(200)
                .body("data.slug", hasItem(mine)).body("data.slug", not(hasItem(theirSlug)));
        Tokens.as(writer).post("/api/v1/admin/articles/" + theirId + "/preview-links").then().statusCode(403);
        // An editor previews anyone's.
        Tokens.as(Tokens.secret("editor")).get(PREVIEW + theirSlug).then().statusCode(200);
    }

    @Test
    void deskTokenPreviewsOnlyItsSections() {
        String desk = Fixtures.section();
        String elsewhere = Fixtures.section();
        Created inside = article().section(desk).draft();
        Created outside = article().section(elsewhere).draft();
        String token = Tokens.secret("editor", desk);
        Tokens.as(token).get(PREVIEW + inside.slug()).then().statusCode(200);
        Tokens.as(token).get(PREVIEW + outside.slug()).then().statusCode(404);
        Tokens.as(token).queryParam("tag", outside.tag()).get("/api/v1/preview/articles").then().statusCode(200)
                .body("data", empty());
        Tokens.as(token).post(outside.adminPath() + "/preview-links").then().statusCode(404);
    }

    @Test
    void latestListShowsDraftsScheduledAndUnpublishedButNeverTrashed() {
        String tag = Api.unique("mix");
        Created draft = article().with("tags", java.util.List.of(tag)).draft();
        Created live = article().with("tags", java.util.List.of(tag)).published();
        Created scheduled = article().with("tags", java.util.List.of(tag)).draft();
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                .post(scheduled.adminPath() + "/publish").then().statusCode(200);
        Created trashed = article().with("tags", java.util.List.of(tag)).draft();
        admin().header("If-Match", trashed.etag()).delete(trashed.adminPath()).then().statusCode(204);

        admin().queryParam("tag", tag).get("/api/v1/preview/articles").then().statusCode(200)
                .header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex")
                .body("data.id", containsInAnyOrder(draft.id(), live.id(), scheduled.id()))
                .body("data.find { it.id == '" + scheduled.id() + "' }.status", equalTo("scheduled"))
                .body("data.find { it.id == '" + live.id() + "' }.status", equalTo("published"))
                .body("data.find { it.id == '" + draft.id() + "' }.revision", equalTo(1));
        // The Content API still shows only the published one.
        given().queryParam("tag", tag).get("/api/v1/articles").then().body("data.id", containsInAnyOrder(live.id()));
    }

    @Test
    void latestSearchFindsDraftsToo() {
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        Created draft = article().with("headline", "Draft about " + word).draft();
        Created live = article().with("headline", "Story about " + word).published();
        admin().queryParam("q", word).get("/api/v1/preview/articles").then().statusCode(200)
                .body("data.id", containsInAnyOrder(draft.id(), live.id()))
                .body("data[0].snippet", notNullValue());
        admin().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/preview/articles").then().statusCode(200)
                .body("data.id", containsInAnyOrder(draft.id(), live.id()));
        given().queryParam("q", word).get("/api/v1/articles").then().body("data.id", containsInAnyOrder(live.id()));
    }

    @Test
    void previewSearchRanksDraftsAndPublishedTogether() {
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        // Newest first: the body hit is the newest, so only its rank can put the headline hit first.
        Created inHeadline = article().with("headline", "The " + word + " makes the headline").draft();
        Created inSummary = article().with("summary", "A summary that names the " + word + ".").published();
        Created inBody = article().with("body", List.of(Map.of("type", "paragraph", "text",
                "Deep in the story the " + word + " appears."))).draft();
        admin().queryParam("q", word).get("/api/v1/preview/articles").then().statusCode(200)
                .contentType("application/json")
                .body("data.id", contains(inHeadline.id(), inSummary.id(), inBody.id()));
        admin().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/preview/articles").then().statusCode(200)
                .body("data.id", contains(inBody.id(), inSummary.id(), inHeadline.id()));
    }

    @Test
    void atInThePastOrMalformedIsA400() {
        Created live = article().published();
        admin().queryParam("at", "2020-01-01T00:00:00Z").get("/api/v1/preview/articles").then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("at"));
        admin().queryParam("at", "tomorrow").get(PREVIEW + live.slug()).then().statusCode(400)
                .body("errors[0].field", equalTo("at")).header("Cache-Control", "private, no-store");
    }

    @Test
    void previewNeedsABearerOrALinkAndNeverAPartnersToken() {
        Created draft = article().draft();
        given().get(PREVIEW + draft.slug()).then().statusCode(401).contentType(Problems.JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/v1/preview/articles").then().statusCode(401);
        String partner = news.masthead.testsupport.Partners.token(news.masthead.testsupport.Partners.create(false));
        Tokens.as(partner).get(PREVIEW + draft.slug()).then().statusCode(403);
    }

    @Test
    void anOldSlugMovesWithinThePreviewKeepingItsQuery() {
        Created live = article().published();
        String newSlug = Api.unique("renamed");
        admin().header("If-Match", live.etag()).body(Map.of("slug", newSlug)).patch(live.adminPath()).then().statusCode(200);
        String token = admin().post(live.adminPath() + "/preview-links").then().statusCode(201).extract().path("token");
        given().redirects().follow(false).queryParam("token", token).get(PREVIEW + live.slug()).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/preview/articles/" + newSlug + "?token=" + token));
    }
}
