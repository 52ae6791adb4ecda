package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentArticleApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void publishedArticleIsServedWithItsFields() {
        String author = Fixtures.author();
        String section = Fixtures.section();
        Created a = article().section(section).authors(author).published();

        given().get("/api/v1/articles/" + a.slug()).then()
                .statusCode(200).contentType("application/json")
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=30"))
                .body("id", equalTo(a.id()))
                .body("slug", equalTo(a.slug()))
                .body("section.slug", equalTo(section))
                .body("authors[0].slug", equalTo(author))
                .body("body[0].type", equalTo("paragraph"))
                .body("copyright.notice", notNullValue())
                .body("publishedAt", notNullValue())
                .body("updatedAt", equalTo(given().get("/api/v1/articles/" + a.slug()).path("publishedAt")))
                .body("updates", hasSize(0))
                .body("status", nullValue())
                .body("revision", nullValue());
    }

    @Test
    void draftIsInvisibleToContentApi() {
        Created draft = article().draft();
        assertInvisible(draft);
    }

    @Test
    void unpublishedArticleIsInvisibleToContentApi() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).post(a.adminPath() + "/unpublish").then().statusCode(200)
                .body("status", equalTo("unpublished"));
        assertInvisible(a);
    }

    @Test
    void trashedArticleIsInvisibleToContentApi() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).delete(a.adminPath()).then().statusCode(204);
        assertInvisible(a);
    }

    @Test
    void hiddenArticleAnswersExactlyLikeASlugThatNeverExisted() {
        Created draft = article().draft();
        String hidden = given().get("/api/v1/articles/" + draft.slug()).then().statusCode(404).extract().asString();
        String never = given().get("/api/v1/articles/never-existed-" + draft.slug()).then().statusCode(404).extract().asString();
        assertEquals(never, hidden);
    }

    @Test
    void matchingIfNoneMatchGetsNotModifiedWithoutBody() {
        Created a = article().published();
        String etag = given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/" + a.slug()).then()
                .statusCode(304).header("ETag", equalTo(etag)).body(emptyOrNullString());
        String listEtag = given().queryParam("tag", a.tag()).get("/api/v1/articles").header("ETag");
        given().queryParam("tag", a.tag()).header("If-None-Match", listEtag).get("/api/v1/articles").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/articles/" + a.slug()).then().statusCode(200);
    }

    @Test
    void sectionFilterIncludesSubsections() {
        String news = Fixtures.section();
        String world = Fixtures.section(news);
        String other = Fixtures.section();
        String tag = news + "-tag";
        Created inWorld = article().section(world).with("tags", List.of(tag)).published();
        Created inNews = article().section(news).with("tags", List.of(tag)).published();
        article().section(other).with("tags", List.of(tag)).published();

        given().queryParam("section", news).get("/api/v1/articles").then().statusCode(200)
                .body("data.id", contains(inNews.id(), inWorld.id()));
        given().queryParam("section", world).get("/api/v1/articles").then().statusCode(200)
                .body("data.id", contains(inWorld.id()));
    }

    @Test
    void authorTagAndDateFiltersNarrowTheList() {
        String author = Fixtures.author();
        Created byAuthor = article().authors(author).published();
        article().published();
        given().queryParam("author", author).get("/api/v1/articles").then().statusCode(200)
                .body("data.id", contains(byAuthor.id()));
        given().queryParam("tag", byAuthor.tag()).get("/api/v1/articles").then()
                .body("data.id", contains(byAuthor.id()));
        String publishedAt = given().get("/api/v1/articles/" + byAuthor.slug()).path("publishedAt");
        given().queryParam("author", author).queryParam("since", publishedAt).get("/api/v1/articles").then()
                .body("data", hasSize(1));
        given().queryParam("author", author).queryParam("until", publishedAt).get("/api/v1/articles").then()
                .body("data", hasSize(0));
    }

    @Test
    void cursorPagingWalksEveryArticleOnceNewestFirst() {
        String section = Fixtures.section();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, article().section(section).published().id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("section", section).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/articles");
            page.then().statusCode(200).body("meta.limit", equalTo(2));
            seen.addAll(page.path("data.id"));
            cursor = page.path("meta.nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);
    }

    @Test
    void aCursorHandedOutBeforeTheCompactFormStillContinuesTheList() {
        String section = Fixtures.section();
        for (int i = 0; i < 3; i++) {
            article().section(section).published().id();
        }
        Response first = given().queryParam("section", section).queryParam("limit", 1).get("/api/v1/articles");
        String cursor = first.path("meta.nextCursor");
        // The text form the list handed out until issue #19: the last row's instant and id.
        java.nio.ByteBuffer position = java.nio.ByteBuffer.wrap(java.util.Base64.getUrlDecoder().decode(cursor));
        java.time.Instant at = java.time.Instant.ofEpochSecond(position.getLong(), position.getInt());
        String legacy = news.masthead.common.paging.PageRequest.encode(at.toString(),
                new java.util.UUID(position.getLong(), position.getLong()).toString());
        List<String> compact = given().queryParam("section", section).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/articles").then().statusCode(200).extract().path("data.id");
        given().queryParam("section", section).queryParam("limit", 2).queryParam("cursor", legacy)
                .get("/api/v1/articles").then().statusCode(200).contentType("application/json").body("data.id", equalTo(compact))
                .body("data", hasSize(2));
        assertEquals(false, compact.contains(first.<String>path("data[0].id")), "page 2 starts after page 1");
    }

    @Test
    void badLimitOrCursorIsAProblemNotAClamp() {
        for (String limit : List.of("0", "101", "-1", "ten")) {
            given().queryParam("limit", limit).get("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:masthead:problem:validation")).body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("cursor", "not-a-cursor!").get("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("since", "yesterday").get("/api/v1/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void unknownQueryParameterIsRefused() {
        given().queryParam("status", "draft").get("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void oldSlugOfPublishedArticleRedirectsToTheCurrentOne() {
        Created a = article().published();
        String second = a.slug() + "-v2";
        String third = a.slug() + "-v3";
        admin().header("If-Match", a.etag()).body("{\"slug\":\"" + second + "\"}").patch(a.adminPath()).then().statusCode(200);
        admin().header("If-Match", a.currentEtag()).body("{\"slug\":\"" + third + "\"}").patch(a.adminPath()).then().statusCode(200);

        for (String old : List.of(a.slug(), second)) {
            given().redirects().follow(false).get("/api/v1/articles/" + old).then()
                    .statusCode(301).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/articles/" + third));
        }
        given().get("/api/v1/articles/" + third).then().statusCode(200).body("slug", equalTo(third));
    }

    @Test
    void newArticleMayNotTakeASlugThatStillRedirects() {
        Created a = article().published();
        admin().header("If-Match", a.etag()).body("{\"slug\":\"" + a.slug() + "-moved\"}").patch(a.adminPath()).then().statusCode(200);
        admin().body(article().with("slug", a.slug()).body()).post("/api/v1/admin/articles").then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:masthead:problem:conflict"));
    }

    private static void assertInvisible(Created a) {
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:not-found"));
        given().queryParam("tag", a.tag()).get("/api/v1/articles").then().statusCode(200).body("data", hasSize(0));
        given().get("/api/v1/articles?limit=100").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(a.id())));
    }
}
