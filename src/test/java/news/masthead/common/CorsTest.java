package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    @Test
    void contentApiIsReadableFromAnyOrigin() {
        given().header("Origin", "https://reader.example").get("/api/v1/articles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://reader.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD"));
    }

    @Test
    void adminApiIsClosedToUnlistedOrigins() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/admin/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer test-admin-token")
                .get("/api/v1/admin/articles").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void errorAnswersCarryTheOriginTooSoBrowsersCanReadTheProblem() {
        // openapi.yaml documents Access-Control-Allow-Origin on every response, errors included.
        given().header("Origin", "https://reader.example").get("/api/v1/articles/no-such-article").then().statusCode(404)
                .header("Access-Control-Allow-Origin", equalTo("*"));
        given().header("Origin", "https://reader.example").get("/api/v1/articles?limit=0").then().statusCode(400)
                .header("Access-Control-Allow-Origin", equalTo("*"));
    }
}
