package news.masthead.common.cache;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import news.masthead.testsupport.Articles.Created;
import org.junit.jupiter.api.Test;

/**
 * Cache hits are answered before the JAX-RS pipeline (CachedReads): the answer must be the one
 * the pipeline gives, byte for byte and header for header, and anything the front door cannot
 * judge must still reach the pipeline.
 */
@QuarkusTest
class CachedReadsTest {
    private static final String ARTICLES = "/api/v1/articles/";

    @Inject
    MeterRegistry registry;

    @Test
    void cacheHitIsAnsweredBeforeThePipelineWithTheSameBytesAndHeaders() {
        Created a = article().published();
        Response first = given().get(ARTICLES + a.slug());
        first.then().statusCode(200);
        Response hit = frontDoorAnswer(() -> given(), ARTICLES + a.slug());
        assertEquals(200, hit.statusCode());
        assertArrayEquals(first.asByteArray(), hit.asByteArray());
        for (String header : new String[] {"ETag", "Cache-Control", "Surrogate-Key", "Content-Type", "X-Content-Type-Options"}) {
            assertEquals(first.header(header), hit.header(header), header);
        }
        assertEquals("nosniff", hit.header("X-Content-Type-Options"));
        assertTrue(hit.header("Surrogate-Key").contains("article-" + a.id()), hit.header("Surrogate-Key"));
    }

    @Test
    void frontDoorAnswersIfNoneMatchWithNotModified() {
        Created a = article().published();
        String etag = given().get(ARTICLES + a.slug()).then().statusCode(200).extract().header("ETag");
        Response hit = frontDoorAnswer(() -> given().header("If-None-Match", etag), ARTICLES + a.slug());
        assertEquals(304, hit.statusCode());
        assertEquals(etag, hit.header("ETag"));
        assertEquals("", hit.asString());
    }

    @Test
    void frontDoorAddsTheContentApiCorsHeaders() {
        Created a = article().published();
        given().header("Origin", "https://reader.example").get(ARTICLES + a.slug()).then().statusCode(200);
        Response hit = frontDoorAnswer(() -> given().header("Origin", "https://reader.example"), ARTICLES + a.slug());
        assertEquals("*", hit.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", hit.header("Vary"));
        assertTrue(hit.header("Access-Control-Expose-Headers").contains("ETag"));
    }

    @Test
    void oldSlugRedirectIsServedFromTheCacheToo() {
        Created a = article().published();
        String renamed = a.slug() + "-renamed";
        admin().header("If-Match", a.etag()).body(Map.of("slug", renamed)).patch(a.adminPath()).then().statusCode(200);
        given().redirects().follow(false).get(ARTICLES + a.slug()).then().statusCode(301);
        Response hit = frontDoorAnswer(() -> given().redirects().follow(false), ARTICLES + a.slug());
        assertEquals(301, hit.statusCode());
        assertTrue(hit.header("Location").endsWith(ARTICLES + renamed), hit.header("Location"));
    }

    @Test
    void requestsWithATokenOrANonJsonAcceptAlwaysReachThePipeline() {
        Created a = article().published();
        frontDoorAnswer(() -> given(), ARTICLES + a.slug());  // the entry is cached and served now
        double before = hits();
        given().header("Authorization", "Bearer not-a-token").get(ARTICLES + a.slug());
        Response html = given().header("Accept", "text/html").get(ARTICLES + a.slug());
        assertEquals(before, hits(), "neither request was answered by the front door");
        assertEquals(406, html.statusCode());
        assertTrue(html.contentType().startsWith("application/problem+json"), html.contentType());
    }

    @Test
    void frontDoorHitsAreCountedUnderTheRouteTemplateNotTheSlug() {
        Created a = article().published();
        given().get(ARTICLES + a.slug()).then().statusCode(200);
        frontDoorAnswer(() -> given(), ARTICLES + a.slug());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/articles/{slug}\""))
                .body(not(containsString(a.slug())));
    }

    /**
     * One spelling of a query fills the entry every equivalent spelling is answered from: the
     * parameters in another order, unreserved characters escaped. Each try uses a spelling never
     * requested before, so a hit can only come from the entry the first spelling made.
     */
    @Test
    void equivalentSpellingsOfAQueryShareOneCacheEntry() {
        Created a = article().published();
        String tag = a.tag();
        String first = "/api/v1/articles?tag=" + tag + "&limit=5";
        byte[] body = null;
        for (int i = 0; i < tag.length(); i++) {
            Response fill = given().get(first);
            fill.then().statusCode(200);
            body = fill.asByteArray();
            String escaped = tag.substring(0, i) + String.format("%%%02X", (int) tag.charAt(i)) + tag.substring(i + 1);
            String other = "/api/v1/articles?%6Cimit=%35&" + (i % 2 == 0 ? "tag" : "%74ag") + "=" + escaped;
            double before = hits();
            Response r = given().urlEncodingEnabled(false).get(other);
            if (hits() > before) {
                assertEquals(200, r.statusCode());
                assertArrayEquals(body, r.asByteArray(), other);
                assertEquals(fill.header("ETag"), r.header("ETag"));
                return;
            }
        }
        throw new AssertionError("no equivalent spelling of " + first + " was answered from its entry");
    }

    /** Every Content API answer varies by Origin, with or without one, from either door, errors included. */
    @Test
    void everyContentAnswerVariesByOrigin() {
        Created a = article().published();
        String etag = given().get(ARTICLES + a.slug()).then().statusCode(200).header("Vary", "Origin").extract().header("ETag");
        assertEquals("Origin", frontDoorAnswer(() -> given(), ARTICLES + a.slug()).header("Vary"));
        given().header("If-None-Match", etag).get(ARTICLES + a.slug()).then().statusCode(304).header("Vary", "Origin");
        assertEquals("Origin", frontDoorAnswer(() -> given().header("If-None-Match", etag), ARTICLES + a.slug()).header("Vary"));
        String renamed = a.slug() + "-moved";
        admin().header("If-Match", a.etag()).body(Map.of("slug", renamed)).patch(a.adminPath()).then().statusCode(200);
        given().redirects().follow(false).get(ARTICLES + a.slug()).then().statusCode(301).header("Vary", "Origin");
        assertEquals("Origin", frontDoorAnswer(() -> given().redirects().follow(false), ARTICLES + a.slug()).header("Vary"));
        given().get(ARTICLES + a.slug() + "-nowhere").then().statusCode(404).header("Vary", "Origin");
        given().get("/api/v1/articles?no-such-filter=1").then().statusCode(400).header("Vary", "Origin");
        given().get("/api/v1/feeds/rss").then().statusCode(200).header("Vary", "Origin");
        given().header("Origin", "https://reader.example").get("/api/v1/sections").then().statusCode(200)
                .header("Vary", "Origin");
    }

    /**
     * Requests {@code path} until one is answered by the front door. Another test's commit can end
     * the cache generation between two requests, so the first repeat is not always a hit.
     */
    private Response frontDoorAnswer(Supplier<RequestSpecification> request, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            double before = hits();
            Response r = request.get().get(path);
            if (hits() > before) {
                return r;
            }
        }
        throw new AssertionError("no request for " + path + " was answered from the cache");
    }

    private double hits() {
        return registry.counter("masthead.content.cache.front.hits").count();
    }
}
