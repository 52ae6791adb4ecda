package news.masthead.testsupport;

import static news.masthead.testsupport.Api.admin;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Issues tokens through the Admin API; returns the secret to send as a bearer. */
public final class Tokens {
    private Tokens() {
    }

    public static String secret(String role, String... sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique(role + "-token"));
        body.put("role", role);
        body.put("sections", List.of(sections));
        return admin().body(body).post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");
    }

    public static RequestSpecification as(String secret) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON);
    }
}
