package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.ShortFuses;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * After {@code MASTHEAD_RATE_LIMIT_AUTH_FAILURES} failed authentications in a minute, an address's
 * requests that carry a token are refused for the rest of that minute, valid token or not; its
 * requests without one, and other addresses, go on as before. (That the minute ends is
 * {@code RateLimiterTest}'s, with a ticker instead of a wait.)
 */
@QuarkusTest
@TestProfile(ShortFuses.class)
class AuthFailureLockoutTest {

    @Test
    void failedAuthenticationsLockAnAddressOutEvenForAValidToken() {
        String attacker = "198.51.100.200";
        String editor = Tokens.secret("editor");
        for (int i = 0; i < ShortFuses.AUTH_FAILURES; i++) {
            given().header("X-Forwarded-For", attacker).header("Authorization", "Bearer mh_guess" + UUID.randomUUID())
                    .get("/api/v1/admin/articles").then().statusCode(401);
        }
        Tokens.as(editor).header("X-Forwarded-For", attacker).get("/api/v1/admin/articles?limit=1").then()
                .statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern("[1-9]|[1-5][0-9]|60"))
                .header("RateLimit", matchesPattern("^\"auth-failures\";r=0;t=([1-9]|[1-5][0-9]|60)$"))
                .body("type", equalTo("urn:masthead:problem:too-many-requests"))
                .body("detail", containsString("failed authentications"));
        Api.admin().header("X-Forwarded-For", attacker).get("/api/v1/articles").then().statusCode(429);
        // Without a token the address is served as before; the same token from elsewhere too.
        given().header("X-Forwarded-For", attacker).get("/api/v1/articles").then().statusCode(200);
        Tokens.as(editor).header("X-Forwarded-For", "198.51.100.201").get("/api/v1/admin/articles?limit=1").then()
                .statusCode(200);
    }

    @Test
    void bogusTokensOnPublicReadsCountAsFailuresToo() {
        String client = "198.51.100.210";
        for (int i = 0; i < ShortFuses.AUTH_FAILURES; i++) {
            given().header("X-Forwarded-For", client).header("Authorization", "Bearer mh_" + UUID.randomUUID())
                    .get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).header("Authorization", "Bearer mh_" + UUID.randomUUID())
                .get("/api/v1/articles").then().statusCode(429).contentType(Problems.JSON)
                .header("Retry-After", matchesPattern("[1-9]|[1-5][0-9]|60"));
    }

    @Test
    void failuresBelowTheThresholdLockNothing() {
        String client = "198.51.100.220";
        for (int i = 0; i < ShortFuses.AUTH_FAILURES - 1; i++) {
            given().header("X-Forwarded-For", client).header("Authorization", "Bearer mh_" + UUID.randomUUID())
                    .get("/api/v1/admin/articles").then().statusCode(401)
                    .header("RateLimit", containsString("\"auth-failures\";r=" + (ShortFuses.AUTH_FAILURES - 1 - i)));
        }
        Api.admin().header("X-Forwarded-For", client).get("/api/v1/admin/articles?limit=1").then().statusCode(200);
    }
}
