package news.masthead.feed;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.SchemaOrg;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JsonLdTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LD = "application/ld+json";

    @Test
    void aPublishedArticleIsANewsArticleInSchemaOrgTermsWithTheApisDates() throws Exception {
        String author = Fixtures.author();
        String section = Fixtures.section();
        Created a = article().section(section).authors(author)
                .with("leadImage", Map.of("url", "https://img.example.com/a.jpg", "alt", "The harbour", "caption", "At dawn.",
                        "credit", "Photo: Staff", "width", 1600, "height", 900))
                .with("headlines", Map.of("seo", "SEO headline for search"))
                .published();
        correct(a, "\"2\"", "Corrects the minister's name.", "correction");
        correct(a, "\"3\"", "Adds a statement.", "update");

        JsonNode api = JSON.readTree(given().get("/api/v1/articles/" + a.slug()).asString());
        Response r = given().get("/api/v1/articles/" + a.slug() + "/jsonld");
        r.then().statusCode(200).contentType(LD).header("ETag", notNullValue())
                .header("Cache-Control", containsString("public"))
                .header("Surrogate-Key", containsString("article-" + a.id()));
        JsonNode ld = JSON.readTree(r.asString());

        assertEquals(List.of(), SchemaOrg.violations(ld), ld.toPrettyString());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("SEO headline for search", ld.get("headline").asText());
        assertEquals(api.get("publishedAt"), ld.get("datePublished"));
        assertEquals(api.get("updatedAt"), ld.get("dateModified"));
        assertNotEquals(ld.get("datePublished"), ld.get("dateModified"), "the updates moved updatedAt");
        assertEquals("http://localhost:8080/articles/" + a.slug(), ld.get("mainEntityOfPage").get("@id").asText());
        assertEquals(api.get("authors").get(0).get("name"), ld.get("author").get(0).get("name"));
        assertEquals("Person", ld.get("author").get(0).get("@type").asText());
        assertEquals("http://localhost:8080/authors/" + author, ld.get("author").get(0).get("url").asText());
        assertEquals(api.get("section").get("name"), ld.get("articleSection"));
        assertEquals(api.get("tags"), ld.get("keywords"));
        assertEquals(api.get("copyright").get("holder"), ld.get("copyrightHolder").get("name"));
        assertEquals(api.get("copyright").get("year"), ld.get("copyrightYear"));
        assertEquals(api.get("copyright").get("notice"), ld.get("copyrightNotice"));
        assertEquals("https://img.example.com/a.jpg", ld.get("image").get("url").asText());
        assertEquals(1600, ld.get("image").get("width").get("value").asInt());

        // One CorrectionComment per correction, none for a plain update.
        JsonNode correction = api.get("updates").get(0);
        assertEquals("correction", correction.get("kind").asText());
        assertEquals(1, ld.get("correction").size());
        assertEquals("CorrectionComment", ld.get("correction").get(0).get("@type").asText());
        assertEquals("Corrects the minister's name.", ld.get("correction").get(0).get("text").asText());
        assertEquals(correction.get("at"), ld.get("correction").get(0).get("datePublished"));
    }

    @Test
    void withoutSeoHeadlineOrImageTheHeadlineIsTheArticlesAndNothingIsMadeUp() throws Exception {
        Created a = article().published();
        JsonNode api = JSON.readTree(given().get("/api/v1/articles/" + a.slug()).asString());
        JsonNode ld = JSON.readTree(given().get("/api/v1/articles/" + a.slug() + "/jsonld").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(), SchemaOrg.violations(ld), ld.toPrettyString());
        assertEquals(api.get("headline"), ld.get("headline"));
        assertEquals(api.get("updatedAt"), ld.get("dateModified"));
        assertTrue(ld.path("image").isMissingNode());
        assertTrue(ld.path("correction").isMissingNode());
    }

    @Test
    void visibleExactlyWhenTheArticleIs() {
        Created draft = article().draft();
        given().get("/api/v1/articles/" + draft.slug() + "/jsonld").then().statusCode(404)
                .contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        given().get("/api/v1/articles/never-" + draft.slug() + "/jsonld").then().statusCode(404);

        Created killed = article().published();
        admin().header("If-Match", killed.etag()).body(Map.of("reason", "Court order.")).post(killed.adminPath() + "/kill")
                .then().statusCode(200);
        given().get("/api/v1/articles/" + killed.slug() + "/jsonld").then().statusCode(410)
                .contentType(Problems.JSON).body("type", equalTo("urn:masthead:problem:gone"));
    }

    @Test
    void anOldSlugRedirectsToTheNewSlugsJsonLd() {
        Created a = article().published();
        String moved = a.slug() + "-moved";
        admin().header("If-Match", a.etag()).body(Map.of("slug", moved)).patch(a.adminPath()).then().statusCode(200);
        given().redirects().follow(false).get("/api/v1/articles/" + a.slug() + "/jsonld").then().statusCode(301)
                .header("Location", containsString("/api/v1/articles/" + moved + "/jsonld"));
    }

    @Test
    void cachedWithAnETagAndFreshAfterAnEdit() {
        Created a = article().published();
        String path = "/api/v1/articles/" + a.slug() + "/jsonld";
        Response first = given().get(path);
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        // Served from the cache's front door with the same type and bytes.
        given().accept("application/ld+json").get(path).then().statusCode(200).contentType(LD)
                .header("ETag", equalTo(etag)).body(equalTo(first.asString()));

        admin().header("If-Match", a.etag()).body(Map.of("headlines", Map.of("seo", "A new SEO headline")))
                .patch(a.adminPath()).then().statusCode(200);
        given().get(path).then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("headline", equalTo("A new SEO headline"));
    }

    @Test
    void aForgedHostAppearsNowhere() {
        Created a = article().authors(Fixtures.author()).published();
        given().header("Host", "attacker.example").get("/api/v1/articles/" + a.slug() + "/jsonld").then()
                .statusCode(200).body(not(containsString("attacker.example")))
                .body(containsString("http://localhost:8080/articles/" + a.slug()));
    }

    private static void correct(Created a, String etag, String note, String kind) {
        admin().header("If-Match", etag).body(Map.of("summary", note + " summary", "updateNote", note, "updateKind", kind))
                .patch(a.adminPath()).then().statusCode(200);
    }
}
