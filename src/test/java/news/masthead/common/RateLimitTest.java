package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import news.masthead.testsupport.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("masthead.rate-limit.anonymous-per-minute", "5",
                    "masthead.rate-limit.token-per-minute", "8",
                    "masthead.rate-limit.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void anonymousClientsAreLimitedPerAddressWithRetryAfter() {
        String client = "203.0.113.5";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).header("Origin", "https://reader.example").get("/api/v1/articles").then()
                .statusCode(429).contentType("application/problem+json")
                // As openapi.yaml says: whole seconds, 1 to 60 (the limits are per minute), readable cross-origin.
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]|[1-5][0-9]|60"))
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .body("type", equalTo("urn:masthead:problem:too-many-requests"));
        given().header("X-Forwarded-For", "203.0.113.6").get("/api/v1/articles").then().statusCode(200);
    }

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** Answers from the cache (CachedReads, ahead of the JAX-RS filters) take from the same bucket. */
    @Test
    void cachedAnswersCountAgainstTheAnonymousLimit() {
        given().header("X-Forwarded-For", "203.0.113.50").get("/api/v1/sections").then().statusCode(200);
        io.micrometer.core.instrument.Counter frontDoor = registry.counter("masthead.content.cache.front.hits");
        double before = frontDoor.count();
        String client = "203.0.113.51";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/sections").then().statusCode(200);
        }
        org.junit.jupiter.api.Assertions.assertTrue(frontDoor.count() > before, "some of the five were cache hits");
        given().header("X-Forwarded-For", client).get("/api/v1/sections").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:masthead:problem:too-many-requests"));
    }

    @Test
    void spoofedForwardedForEntriesLeftOfTheProxyDoNotBuyMoreRequests() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.7").get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.99, 203.0.113.7").get("/api/v1/articles").then().statusCode(429);
    }

    @Test
    void tokensAreLimitedPerToken() {
        for (int i = 0; i < 8; i++) {
            Api.admin().header("X-Forwarded-For", "203.0.113." + (20 + i)).get("/api/v1/admin/articles?limit=1").then().statusCode(200);
        }
        Api.admin().header("X-Forwarded-For", "203.0.113.40").get("/api/v1/admin/articles?limit=1").then().statusCode(429)
                .header("Retry-After", notNullValue());
    }
}
