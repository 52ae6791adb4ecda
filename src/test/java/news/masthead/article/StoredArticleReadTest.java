package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import news.masthead.common.cache.ContentCaching;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.DirectSql;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

/**
 * A cold read of an article by slug is answered before the JAX-RS pipeline from its stored
 * document (issue #19). It must be the pipeline's answer byte for byte and header for header, and
 * every slug without a stored document must still get the pipeline's answer. Each request below
 * follows a cleared cache, so it is a miss, never a cache hit.
 */
@QuarkusTest
class StoredArticleReadTest {
    private static final String ARTICLES = "/api/v1/articles/";

    @Inject
    MeterRegistry registry;

    @Inject
    ContentCaching caching;

    @Test
    void coldArticleBySlugIsAnsweredBeforeThePipelineWithThePipelinesBytesAndHeaders() {
        Created a = article().published();
        Response door = miss(() -> given().header("Origin", "https://reader.example"), ARTICLES + a.slug(), true);
        // A request with a token always goes through the pipeline; the article is public, so its
        // answer is the one an anonymous reader gets there.
        Response pipeline = miss(() -> admin().header("Origin", "https://reader.example"), ARTICLES + a.slug(), false);
        assertEquals(200, door.statusCode());
        assertEquals(200, pipeline.statusCode());
        assertEquals("application/json", door.contentType());
        assertArrayEquals(pipeline.asByteArray(), door.asByteArray());
        assertEquals(headers(pipeline), headers(door));
        assertTrue(door.header("Surrogate-Key").contains("article-" + a.id()), door.header("Surrogate-Key"));
        assertEquals(a.slug(), door.jsonPath().getString("slug"));
    }

    @Test
    void coldReadWithAMatchingEtagIsNotModified() {
        Created a = article().published();
        String etag = miss(() -> given(), ARTICLES + a.slug(), true).then().statusCode(200).extract().header("ETag");
        Response revalidation = miss(() -> given().header("If-None-Match", etag), ARTICLES + a.slug(), true);
        assertEquals(304, revalidation.statusCode());
        assertEquals(etag, revalidation.header("ETag"));
        assertEquals("", revalidation.asString());
    }

    @Test
    void slugsWithoutAStoredDocumentGetThePipelinesAnswer() {
        Created a = article().published();
        String renamed = a.slug() + "-renamed";
        admin().header("If-Match", a.etag()).body(Map.of("slug", renamed)).patch(a.adminPath()).then().statusCode(200);

        Response old = miss(() -> given().redirects().follow(false), ARTICLES + a.slug(), false);
        assertEquals(301, old.statusCode());
        assertTrue(old.header("Location").endsWith(ARTICLES + renamed), old.header("Location"));

        Response none = miss(() -> given(), ARTICLES + renamed + "-nowhere", false);
        assertEquals(404, none.statusCode());
        assertTrue(none.contentType().startsWith(Problems.JSON), none.contentType());
        assertEquals("urn:masthead:problem:not-found", none.jsonPath().getString("type"));

        // Not the spelling of a slug, or not query-less: the resource decides, as before.
        assertEquals(404, miss(() -> given(), ARTICLES + renamed.toUpperCase(Locale.ROOT), false).statusCode());
        Response withQuery = miss(() -> given(), ARTICLES + renamed + "?utm_source=x", false);
        assertEquals(400, withQuery.statusCode());
        assertEquals("urn:masthead:problem:validation", withQuery.jsonPath().getString("type"));

        Response draft = miss(() -> given(), ARTICLES + article().draft().slug(), false);
        assertEquals(404, draft.statusCode());
    }

    @Test
    void anArticleNotRenderedYetIsRenderedByThePipeline() throws Exception {
        Created a = article().published();
        byte[] stored = miss(() -> given(), ARTICLES + a.slug(), true).asByteArray();
        try (Connection c = DirectSql.connect();
             PreparedStatement s = c.prepareStatement("update article set public_document = null where id = ?")) {
            s.setObject(1, UUID.fromString(a.id()));
            assertEquals(1, s.executeUpdate());
        }
        Response fresh = miss(() -> given(), ARTICLES + a.slug(), false);
        assertEquals(200, fresh.statusCode());
        assertArrayEquals(stored, fresh.asByteArray());
    }

    /**
     * Clears the cache, requests {@code path}, and checks whether the stored read answered it.
     * Another test's commit cannot turn a miss into a hit: the cache is empty when the request starts.
     */
    private Response miss(Supplier<io.restassured.specification.RequestSpecification> request, String path,
                          boolean storedRead) {
        double before = storedReads();
        double hitsBefore = registry.counter("masthead.content.cache.front.hits").count();
        caching.changedLocally(null);
        Response r = request.get().urlEncodingEnabled(false).get(path);
        assertEquals(storedRead ? before + 1 : before, storedReads(), path + " answered by the stored read");
        assertEquals(hitsBefore, registry.counter("masthead.content.cache.front.hits").count(), path + " was a cache hit");
        return r;
    }

    private double storedReads() {
        return registry.counter("masthead.content.stored.front.reads").count();
    }

    /** Every header but Date (the second it was sent), by lower-case name, values in order. */
    private static Map<String, String> headers(Response r) {
        Map<String, String> all = new TreeMap<>();
        for (Header h : r.headers()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("date")) {
                all.merge(name, h.getValue(), (x, y) -> x + "\n" + y);
            }
        }
        return all;
    }
}
