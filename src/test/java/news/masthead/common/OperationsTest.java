package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessWithTheDatabaseCheck() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        given().get("/api/v1/articles").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).contentType(containsString("text"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void specAndSwaggerUiAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3."));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
