package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Kill, a legal takedown, as the newsroom and the Content API see it; partners are in KilledStoryPartnersTest. */
@QuarkusTest
class KillTest {
    static final String GONE = "urn:masthead:problem:gone";

    static Response kill(Created a, String reason) {
        return admin().header("If-Match", a.currentEtag()).body(Map.of("reason", reason)).post(a.adminPath() + "/kill");
    }

    @Test
    void killedArticleAnswers410ForItsSlugAndEveryOldSlugAndIsCachedUnderItsKey() {
        Created a = article().published();
        String renamed = a.slug() + "-renamed";
        admin().header("If-Match", a.currentEtag()).body(Map.of("slug", renamed)).patch(a.adminPath())
                .then().statusCode(200);
        given().redirects().follow(false).get("/api/v1/articles/" + a.slug()).then().statusCode(301);

        kill(a, "Legal: court order.").then().statusCode(200).body("status", equalTo("killed"));

        for (String slug : List.of(renamed, a.slug())) {
            for (int read = 0; read < 2; read++) { // the pipeline, then the content cache's own hit (CachedReads)
                given().get("/api/v1/articles/" + slug).then().statusCode(410)
                        .contentType(Problems.JSON).body("type", equalTo(GONE)).body("status", equalTo(410))
                        .header("Cache-Control", containsString("public"))
                        .header("Surrogate-Key", equalTo("article-" + a.id()))
                        .body(not(containsString("Headline for")));
            }
        }
    }

    @Test
    void draftKilledBeforeItWasEverPublicStaysA404() {
        Created draft = article().draft();
        kill(draft, "Never to run.").then().statusCode(200).body("status", equalTo("killed"));
        given().get("/api/v1/articles/" + draft.slug()).then().statusCode(404).body("type", equalTo(Problems.NOT_FOUND));
    }

    @Test
    void killedArticleLeavesListsSearchFiltersAndFeeds() {
        String section = news.masthead.testsupport.Fixtures.section();
        String author = news.masthead.testsupport.Fixtures.author();
        String word = "zebrafinch" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Created a = article().section(section).authors(author)
                .with("headline", "Council " + word + " scandal").published();
        List<String> lists = List.of("/api/v1/articles?limit=100", "/api/v1/articles?tag=" + a.tag(),
                "/api/v1/articles?section=" + section, "/api/v1/articles?author=" + author,
                "/api/v1/articles?q=" + word, "/api/v1/articles?q=" + word + "&sort=newest");
        List<String> feeds = List.of("/api/v1/feeds/atom", "/api/v1/feeds/rss", "/api/v1/feeds/json",
                "/api/v1/feeds/atom?section=" + section);
        for (String list : lists) {
            given().get(list).then().statusCode(200).body("data.id", hasItem(a.id()));
        }
        for (String feed : feeds) {
            assertTrue(given().get(feed).then().statusCode(200).extract().asString().contains(a.id()), feed);
        }

        kill(a, "Legal.").then().statusCode(200);

        for (String list : lists) {
            given().get(list).then().statusCode(200).body("data.id", not(hasItem(a.id())));
        }
        for (String feed : feeds) {
            String body = given().get(feed).then().statusCode(200).extract().asString();
            assertTrue(!body.contains(a.id()) && !body.contains(word), feed + " still names it");
        }
    }

    @Test
    void killNeedsAReasonOfAtMost500CharactersAndIfMatch() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).post(a.adminPath() + "/kill").then().statusCode(400)
                .contentType(Problems.JSON);
        admin().header("If-Match", a.etag()).body(Map.of("reason", " ")).post(a.adminPath() + "/kill").then()
                .statusCode(400).body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", containsString("reason"));
        admin().header("If-Match", a.etag()).body(Map.of("reason", "x".repeat(501))).post(a.adminPath() + "/kill").then()
                .statusCode(400).body("type", equalTo(Problems.VALIDATION));
        admin().header("If-Match", a.etag()).body(Map.of("reason", "Legal.", "status", "draft"))
                .post(a.adminPath() + "/kill").then().statusCode(400).body("type", equalTo(Problems.VALIDATION));
        admin().body(Map.of("reason", "Legal.")).post(a.adminPath() + "/kill").then().statusCode(428);
        admin().header("If-Match", "\"1\"").body(Map.of("reason", "Legal.")).post(a.adminPath() + "/kill")
                .then().statusCode(412);
        admin().header("If-Match", a.etag()).body(Map.of("reason", "x".repeat(500))).post(a.adminPath() + "/kill")
                .then().statusCode(200);
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(410);
    }

    @Test
    void writersMayNotKill() {
        String writer = Tokens.secret("writer");
        Created own = article().draft();
        Tokens.as(writer).header("If-Match", own.etag()).body(Map.of("reason", "Legal."))
                .post(own.adminPath() + "/kill").then().statusCode(403);
        Tokens.as(Tokens.secret("editor")).header("If-Match", own.etag()).body(Map.of("reason", "Legal."))
                .post(own.adminPath() + "/kill").then().statusCode(200);
    }

    @Test
    void killedArticleIsFrozenUntilAnAdminRestoresItAsADraft() {
        Created a = article().published();
        kill(a, "Legal.").then().statusCode(200);
        String etag = a.currentEtag();
        admin().header("If-Match", etag).post(a.adminPath() + "/publish").then().statusCode(409)
                .body("type", equalTo(Problems.CONFLICT));
        admin().header("If-Match", etag).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                .post(a.adminPath() + "/publish").then().statusCode(409);
        admin().header("If-Match", etag).body(Map.of("headline", "Edited")).patch(a.adminPath()).then().statusCode(409);
        admin().header("If-Match", etag).post(a.adminPath() + "/unpublish").then().statusCode(409);
        admin().header("If-Match", etag).delete(a.adminPath()).then().statusCode(409);
        admin().header("If-Match", etag).post(a.adminPath() + "/revisions/1/restore").then().statusCode(409);
        admin().header("If-Match", etag).body(Map.of("reason", "Again.")).post(a.adminPath() + "/kill")
                .then().statusCode(409);
        Tokens.as(Tokens.secret("editor")).header("If-Match", etag).post(a.adminPath() + "/restore").then()
                .statusCode(403).body("type", equalTo("urn:masthead:problem:forbidden"));
        assertEquals(etag, a.currentEtag(), "nothing was written");

        admin().header("If-Match", etag).post(a.adminPath() + "/restore").then().statusCode(200)
                .body("status", equalTo("draft")).body("killed", nullValue());
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(404);
        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/publish").then().statusCode(200)
                .body("status", equalTo("published"));
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).body("id", equalTo(a.id()));
    }

    @Test
    void reasonTimeAndWhoAreOnTheAdminArticleAndItsRevisionsWhichAreKept() {
        String editorName = news.masthead.testsupport.Api.unique("kill-editor");
        String editor = admin().body(Map.of("name", editorName, "role", "editor")).post("/api/v1/admin/tokens")
                .then().statusCode(201).extract().path("secret");
        Created a = article().published();
        int before = admin().get(a.adminPath() + "/revisions").then().extract().jsonPath().getList("data").size();
        Instant start = Instant.now();
        JsonPath killed = Tokens.as(editor).header("If-Match", a.currentEtag())
                .body(Map.of("reason", "  Legal: injunction of 16 October.  ")).post(a.adminPath() + "/kill")
                .then().statusCode(200).header("ETag", notNullValue()).extract().jsonPath();
        assertEquals("killed", killed.getString("status"));
        assertEquals(editorName, killed.getString("killed.by"));
        assertEquals("Legal: injunction of 16 October.", killed.getString("killed.reason"));
        Instant at = Instant.parse(killed.getString("killed.at"));
        assertTrue(!at.isBefore(start.minusSeconds(1)) && !at.isAfter(Instant.now()), at.toString());
        admin().get(a.adminPath()).then().body("killed.reason", equalTo("Legal: injunction of 16 October."));
        admin().get("/api/v1/admin/articles?status=killed&tag=" + a.tag()).then().statusCode(200)
                .body("data.id", contains(a.id()));

        JsonPath revisions = admin().get(a.adminPath() + "/revisions").then().statusCode(200).extract().jsonPath();
        assertEquals(before + 1, revisions.getList("data").size(), "every earlier revision is kept");
        assertEquals(editorName, revisions.getString("data[0].by"));
        assertEquals(List.of("status", "killed"), revisions.getList("data[0].changed"));
        int n = revisions.getInt("data[0].revision");
        admin().get(a.adminPath() + "/revisions/" + n).then().statusCode(200)
                .body("article.status", equalTo("killed")).body("article.killed.by", equalTo(editorName))
                .body("article.killed.reason", equalTo("Legal: injunction of 16 October."));

        admin().header("If-Match", a.currentEtag()).post(a.adminPath() + "/restore").then().statusCode(200);
        admin().get(a.adminPath() + "/revisions/" + n).then().body("article.killed.reason",
                equalTo("Legal: injunction of 16 October."));
        admin().get(a.adminPath() + "/revisions").then().body("data", hasSize(before + 2))
                .body("data[0].changed", contains("status", "killed"));
    }
}
