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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.SchemaOrg;
import news.masthead.testsupport.Statements;
import news.masthead.testsupport.TestClock;
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
    void aStoryStaysANewsArticleWithoutLiveblogTerms() throws Exception {
        Created a = article().published();
        JsonNode ld = JSON.readTree(given().get("/api/v1/articles/" + a.slug() + "/jsonld").then().statusCode(200)
                .contentType(LD).extract().asString());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertTrue(ld.path("liveBlogUpdate").isMissingNode());
        assertTrue(ld.path("coverageStartTime").isMissingNode());
    }

    @Test
    void aLiveblogIsALiveBlogPostingWhoseUpdatesAreItsEntriesWithTheApisDates() throws Exception {
        String author = Fixtures.author();
        Created blog = article().with("kind", "liveblog").authors(author).published();
        String first = post(blog, Map.of("body", List.of(Map.of("type", "paragraph", "text", "Polls <em>open</em> at 7."))));
        String second = post(blog, Map.of("headline", "Turnout is high", "authors", List.of(author),
                "body", List.of(Map.of("type", "paragraph", "text", "Queues everywhere."),
                        Map.of("type", "quote", "text", "We waited an hour", "attribution", "A voter"))));
        TestClock.get().advance(Duration.ofSeconds(30));
        admin().contentType("application/merge-patch+json").body("{\"headline\": \"Turnout is very high\"}")
                .patch(entries(blog) + "/" + second).then().statusCode(200);
        String path = "/api/v1/articles/" + blog.slug() + "/jsonld";

        // The first read after the writes renders: the article's statement and the entries' one.
        long statements = Statements.during(path, Map.of(), r -> r.then().statusCode(200).contentType(LD));
        assertEquals(2, statements);

        JsonNode api = JSON.readTree(given().get("/api/v1/articles/" + blog.slug()).asString());
        JsonNode page = JSON.readTree(given().get("/api/v1/articles/" + blog.slug() + "/entries").asString()).get("data");
        Response r = given().get(path);
        r.then().statusCode(200).contentType(LD).header("Surrogate-Key", containsString("article-" + blog.id()));
        JsonNode ld = JSON.readTree(r.asString());

        assertEquals(List.of(), SchemaOrg.violations(ld), ld.toPrettyString());
        assertEquals("LiveBlogPosting", ld.get("@type").asText());
        assertTrue(SchemaOrg.isA("LiveBlogPosting", "BlogPosting"));
        assertEquals(api.get("publishedAt"), ld.get("datePublished"));
        assertEquals(api.get("updatedAt"), ld.get("dateModified"), "entry writes move the liveblog's updatedAt");
        assertEquals(api.get("publishedAt"), ld.get("coverageStartTime"));
        assertTrue(ld.path("coverageEndTime").isMissingNode(), "the liveblog is live");

        JsonNode updates = ld.get("liveBlogUpdate");
        assertEquals(2, updates.size());
        for (int i = 0; i < 2; i++) {
            JsonNode u = updates.get(i);
            JsonNode e = page.get(i);
            assertEquals("BlogPosting", u.get("@type").asText());
            assertEquals("http://localhost:8080/articles/" + blog.slug() + "#entry-" + e.get("id").asText(), u.get("@id").asText());
            assertEquals(u.get("@id"), u.get("url"));
            assertEquals(e.get("publishedAt"), u.get("datePublished"));
            assertEquals(e.get("updatedAt"), u.get("dateModified"));
        }
        assertEquals(List.of(second, first), List.of(page.get(0).get("id").asText(), page.get(1).get("id").asText()));
        assertNotEquals(updates.get(0).get("datePublished"), updates.get(0).get("dateModified"), "the patch moved it");
        assertEquals("Turnout is very high", updates.get(0).get("headline").asText());
        assertEquals("Queues everywhere.\nWe waited an hour A voter", updates.get(0).get("articleBody").asText());
        assertEquals(api.get("authors").get(0).get("name"), updates.get(0).get("author").get(0).get("name"));
        assertTrue(updates.get(1).path("headline").isMissingNode(), "no headline is made up");
        assertEquals("Polls open at 7.", updates.get(1).get("articleBody").asText(), "plain text, no markup");
    }

    @Test
    void aNewChangedOrDeletedEntryShowsInTheNextRead() throws Exception {
        Created blog = article().with("kind", "liveblog").published();
        String kept = post(blog, Map.of("body", List.of(Map.of("type", "paragraph", "text", "Kept."))));
        String deleted = post(blog, Map.of("body", List.of(Map.of("type", "paragraph", "text", "Deleted."))));
        String path = "/api/v1/articles/" + blog.slug() + "/jsonld";
        Response before = given().get(path);
        before.then().statusCode(200);
        given().header("If-None-Match", before.header("ETag")).get(path).then().statusCode(304);
        assertEquals(List.of(deleted, kept), ids(before));

        admin().delete(entries(blog) + "/" + deleted).then().statusCode(204);
        Response afterDelete = given().get(path);
        afterDelete.then().statusCode(200).header("ETag", not(equalTo(before.header("ETag"))));
        assertEquals(List.of(kept), ids(afterDelete));

        String added = post(blog, Map.of("body", List.of(Map.of("type", "paragraph", "text", "Added."))));
        assertEquals(List.of(added, kept), ids(given().get(path)));

        admin().contentType("application/merge-patch+json").body("{\"headline\": \"Now with a headline\"}")
                .patch(entries(blog) + "/" + kept).then().statusCode(200);
        JsonNode ld = JSON.readTree(given().get(path).asString());
        assertEquals("Now with a headline", ld.get("liveBlogUpdate").get(1).get("headline").asText());
    }

    @Test
    void onlyTheNewestTwentyEntriesAreListedAndAnEndedLiveblogsCoverageEndsAtItsNewestEntry() throws Exception {
        Created blog = article().with("kind", "liveblog").published();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < JsonLdService.LIVEBLOG_UPDATES + 1; i++) {
            posted.add(post(blog, Map.of("body", List.of(Map.of("type", "paragraph", "text", "Entry " + i)))));
        }
        admin().header("If-Match", blog.currentEtag()).contentType("application/merge-patch+json").body("{\"live\": false}")
                .patch(blog.adminPath()).then().statusCode(200);
        Response r = given().get("/api/v1/articles/" + blog.slug() + "/jsonld");
        JsonNode ld = JSON.readTree(r.asString());
        assertEquals(List.of(), SchemaOrg.violations(ld), ld.toPrettyString());
        List<String> ids = ids(r);
        assertEquals(JsonLdService.LIVEBLOG_UPDATES, ids.size());
        assertEquals(posted.get(posted.size() - 1), ids.get(0));
        assertTrue(!ids.contains(posted.get(0)), "the oldest entry is beyond the newest twenty");
        JsonNode newest = JSON.readTree(given().get("/api/v1/articles/" + blog.slug() + "/entries").asString())
                .get("data").get(0);
        assertEquals(newest.get("publishedAt"), ld.get("coverageEndTime"));
    }

    private static String post(Created blog, Map<String, Object> entry) {
        TestClock.get().advance(Duration.ofSeconds(30));
        return admin().body(entry).post(entries(blog)).then().statusCode(201).extract().path("id");
    }

    private static String entries(Created blog) {
        return blog.adminPath() + "/entries";
    }

    private static List<String> ids(Response jsonLd) throws Exception {
        List<String> ids = new ArrayList<>();
        String prefix = "#entry-";
        for (JsonNode u : JSON.readTree(jsonLd.asString()).path("liveBlogUpdate")) {
            String id = u.get("@id").asText();
            ids.add(id.substring(id.indexOf(prefix) + prefix.length()));
        }
        return ids;
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
