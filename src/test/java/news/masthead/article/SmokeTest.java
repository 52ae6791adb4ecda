package news.masthead.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {
    @Test
    void contentListAnswers() {
        given().get("/api/v1/articles").then().log().ifValidationFails().statusCode(200).body("data", notNullValue());
        given().get("/api/v1/nope").then().log().all();
        given().get("/api/v1/admin/articles").then().log().all();
        given().header("Authorization", "Bearer wrong").get("/api/v1/admin/articles").then().log().all();
        given().header("Authorization", "Bearer test-admin-token").get("/api/v1/admin/articles/not-a-uuid").then().log().all();
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json").body("{bad").post("/api/v1/admin/articles").then().log().all();
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json").body("{\"headline\":\"x\",\"status\":\"published\"}").post("/api/v1/admin/articles").then().log().all();
        given().get("/api/v1/articles?foo=1").then().log().all();
        given().delete("/api/v1/articles").then().log().all();
    }
}
