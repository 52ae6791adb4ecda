package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Requests per minute: 5 per client address without a valid token, 12 per token. Every test
 * speaks as its own client addresses (X-Forwarded-For through the trusted proxy 127.0.0.1) and its
 * own tokens, so no test spends another's budget. The auth-failure lockout is off here (see
 * {@link AuthFailureLockoutTest}), so bogus tokens meet the address limit itself.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {
    private static final String RETRY_AFTER = "[1-9]|[1-5][0-9]|60";
    private static final Pattern REMAINING = Pattern.compile("^\"token\";r=(\\d+);t=(\\d+)$");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("masthead.rate-limit.anonymous-per-minute", "5",
                    "masthead.rate-limit.token-per-minute", "12",
                    "masthead.rate-limit.auth-failures-per-minute", "0",
                    "masthead.rate-limit.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void anonymousClientsAreLimitedPerAddressWithRetryAfter() {
        String client = "203.0.113.5";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).header("Origin", "https://reader.example").get("/api/v1/articles").then()
                .statusCode(429).contentType(Problems.JSON)
                // As openapi.yaml says: whole seconds, 1 to 60 (the limits are per minute), readable cross-origin.
                .header("Retry-After", matchesPattern(RETRY_AFTER))
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .body("type", equalTo("urn:masthead:problem:too-many-requests"));
        given().header("X-Forwarded-For", "203.0.113.6").get("/api/v1/articles").then().statusCode(200);
    }

    /** Probe 3 of issue 12: a fresh random bearer value per request used to buy a fresh budget each time. */
    @Test
    void randomBearerTokensCountAgainstTheClientAddress() {
        String client = "203.0.113.60";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).header("Authorization", "Bearer " + randomSecret())
                    .get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).header("Authorization", "Bearer " + randomSecret())
                .get("/api/v1/articles").then()
                .statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern(RETRY_AFTER))
                .body("type", equalTo("urn:masthead:problem:too-many-requests"))
                .body("status", equalTo(429));
        // The same budget as requests without any token: the bogus ones spent it.
        given().header("X-Forwarded-For", client).get("/api/v1/articles").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.61").header("Authorization", "Bearer " + randomSecret())
                .get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void failedAuthenticationsOnTheAdminApiCountAgainstTheAddressToo() {
        String client = "203.0.113.62";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).header("Authorization", "Bearer " + randomSecret())
                    .get("/api/v1/admin/articles").then().statusCode(401);
        }
        given().header("X-Forwarded-For", client).header("Authorization", "Bearer " + randomSecret())
                .get("/api/v1/admin/articles").then().statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern(RETRY_AFTER));
    }

    /** Answers from the cache (CachedReads, ahead of the JAX-RS filters) take from the same bucket. */
    @Test
    void cachedAnswersCountAgainstTheAnonymousLimit() {
        given().header("X-Forwarded-For", "203.0.113.50").get("/api/v1/sections").then().statusCode(200);
        Counter frontDoor = registry.counter("masthead.content.cache.front.hits");
        double before = frontDoor.count();
        String client = "203.0.113.51";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/sections").then().statusCode(200);
        }
        assertTrue(frontDoor.count() > before, "some of the five were cache hits");
        given().header("X-Forwarded-For", client).get("/api/v1/sections").then()
                .statusCode(429).contentType(Problems.JSON)
                .body("type", equalTo("urn:masthead:problem:too-many-requests"));
    }

    /**
     * A by-slug read goes to the front door's stored read first; when no article has the slug the
     * door passes it on to the pipeline, which answers the 404. Counted there once, not twice: the
     * sixth such request, not the third, is refused.
     */
    @Test
    void requestsTheStoredReadPassesOnAreCountedOnce() {
        String client = "203.0.113.52";
        String slug = "no-such-article-" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/articles/" + slug + "-" + i).then()
                    .statusCode(404).contentType(Problems.JSON)
                    .body("type", equalTo("urn:masthead:problem:not-found"));
        }
        given().header("X-Forwarded-For", client).get("/api/v1/articles/" + slug + "-5").then()
                .statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern(RETRY_AFTER))
                .body("type", equalTo("urn:masthead:problem:too-many-requests"));
    }

    @Test
    void spoofedForwardedForEntriesLeftOfTheProxyDoNotBuyMoreRequests() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.7").get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.99, 203.0.113.7").get("/api/v1/articles").then().statusCode(429);
    }

    /** One subscriber holds a whole /64 and can send each request from a fresh address in it. */
    @Test
    void ipv6ClientsAreCountedByTheir64() {
        List<String> oneNetwork = List.of("2001:db8:aa:1::1", "2001:db8:aa:1:ffff:ffff:ffff:fffe", "2001:DB8:AA:1::2",
                "2001:0db8:00aa:0001:0000:0000:0000:0003", "2001:db8:aa:1:1234:5678:9abc:def0");
        for (String address : oneNetwork) {
            given().header("X-Forwarded-For", address).get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "2001:db8:aa:1:a:b:c:d").get("/api/v1/articles").then()
                .statusCode(429).header("Retry-After", matchesPattern(RETRY_AFTER));
        given().header("X-Forwarded-For", "2001:db8:aa:2::1").get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void aTokenIsLimitedByItsOwnBudgetWhateverTheAddress() {
        String secret = Tokens.secret("editor");
        for (int i = 0; i < 12; i++) {
            Tokens.as(secret).header("X-Forwarded-For", "203.0.113." + (20 + i)).get("/api/v1/admin/articles?limit=1")
                    .then().statusCode(200);
        }
        Tokens.as(secret).header("X-Forwarded-For", "203.0.113.40").get("/api/v1/admin/articles?limit=1").then()
                .statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern(RETRY_AFTER))
                .header("RateLimit", matchesPattern("^\"token\";r=0;t=([1-9]|[1-5][0-9]|60)$"));
    }

    /** The budget is the token's (by id), not the header's: case and spaces buy nothing. */
    @Test
    void spellingsOfOneTokenShareOneBudget() {
        String secret = Tokens.secret("editor");
        List<String> spellings = List.of("Bearer " + secret, "bearer " + secret, "BEARER   " + secret + "  ",
                "bEaReR " + secret + "\t");
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Response r = given().header("Authorization", spellings.get(i % spellings.size()))
                    .get("/api/v1/admin/articles?limit=1");
            assertEquals(200, r.statusCode(), spellings.get(i % spellings.size()).replace(secret, "<secret>"));
            Matcher m = REMAINING.matcher(r.header("RateLimit"));
            assertTrue(m.matches(), r.header("RateLimit"));
            remaining.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), remaining, "one budget, counted down by every spelling");
        given().header("Authorization", "bearer " + secret).get("/api/v1/admin/articles?limit=1").then().statusCode(429);
    }

    @Test
    void tokenAuthenticatedAnswersCarryRateLimitHeaders() {
        String editor = Tokens.secret("editor");
        Tokens.as(editor).get("/api/v1/admin/articles?limit=1").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"token\";q=12;w=60"))
                .header("RateLimit", matchesPattern(REMAINING.pattern()));
        // Errors too: a 404 of the Admin API says what is left.
        Tokens.as(editor).get("/api/v1/admin/articles/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("RateLimit", matchesPattern(REMAINING.pattern()));
        String partner = Partners.token(Partners.create(false));
        Partners.as(partner).get("/api/v1/syndication/articles?limit=1").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"token\";q=12;w=60"))
                .header("RateLimit", matchesPattern(REMAINING.pattern()));
        // Without a valid token the Admin API says what the address has left.
        given().header("X-Forwarded-For", "203.0.113.70").get("/api/v1/admin/articles").then().statusCode(401)
                .header("RateLimit-Policy", equalTo("\"address\";q=5;w=60"))
                .header("RateLimit", matchesPattern("^\"address\";r=4;t=([1-9]|[1-5][0-9]|60)$"));
    }

    /** Content API answers are Cache-Control: public; a shared cache would hand one client's quota to the next. */
    @Test
    void publicAnswersCarryNoRateLimitHeaders() {
        String editor = Tokens.secret("editor");
        for (Response r : List.of(
                given().header("X-Forwarded-For", "203.0.113.71").get("/api/v1/articles"),
                given().header("X-Forwarded-For", "203.0.113.71").get("/api/v1/sections"),
                given().header("X-Forwarded-For", "203.0.113.71").get("/api/v1/articles/no-such-" + randomSecret().substring(3, 12)),
                Tokens.as(editor).get("/api/v1/articles"))) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, r.statusLine());
            assertEquals(null, r.header("RateLimit"), r.statusLine());
            assertEquals(null, r.header("RateLimit-Policy"), r.statusLine());
        }
        given().header("X-Forwarded-For", "203.0.113.72").get("/api/v1/feeds/atom").then().statusCode(200)
                .header("RateLimit", nullValue()).header("Cache-Control", containsString("public"));
        given().header("X-Forwarded-For", "203.0.113.72").get("/api/v1/sections").then().statusCode(200)
                .header("RateLimit", nullValue()).header("ETag", notNullValue());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "mh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
