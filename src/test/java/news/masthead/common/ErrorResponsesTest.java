package news.masthead.common;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorResponsesTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownPathIsAProblemNotHtml() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:not-found")).body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().delete("/api/v1/articles").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:method-not-allowed"));
    }

    @Test
    void wrongMediaTypeIsAProblem() {
        admin().contentType("text/plain").body("headline").post("/api/v1/admin/articles").then().statusCode(415)
                .contentType(PROBLEM).body("type", equalTo("urn:masthead:problem:unsupported-media-type"));
    }

    @Test
    void malformedJsonIsAProblem() {
        admin().body("{\"headline\": ").post("/api/v1/admin/articles").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:malformed-json"));
        admin().body("[1,2]").post("/api/v1/admin/articles").then().statusCode(400).contentType(PROBLEM);
        admin().body("{\"headline\": 12, \"tags\": \"not-a-list\"}").post("/api/v1/admin/articles").then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void bodyOverOneMebibyteIsPayloadTooLarge() {
        String big = "{\"headline\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        admin().body(big).post("/api/v1/admin/articles").then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:masthead:problem:payload-too-large"));
    }

    @Test
    void problemsQuoteTheCallerOnlyUpToTheirDocumentedBounds() {
        String longName = "p".repeat(5000);
        var problem = admin().body("{\"headline\": \"Bounded\", \"" + longName + "\": 1}").post("/api/v1/admin/articles")
                .then().statusCode(400).contentType(PROBLEM).extract().jsonPath();
        // openapi.yaml: Problem.detail maxLength 2000, FieldError.field and .message maxLength 500.
        org.junit.jupiter.api.Assertions.assertTrue(problem.getString("detail").length() <= 2000, problem.getString("detail"));
        org.junit.jupiter.api.Assertions.assertTrue(problem.getString("detail").startsWith("Property 'ppp"));
        org.junit.jupiter.api.Assertions.assertEquals(500, problem.getString("errors[0].field").length());
        org.junit.jupiter.api.Assertions.assertTrue(problem.getString("errors[0].field").endsWith("\u2026"));
    }

    @Test
    void responsesNeverNameTheServerOrLetBrowsersSniff() {
        given().get("/api/v1/articles").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Server", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/nothing").then().body(not(containsString("Exception")));
    }
}
