package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadImageAndHeadlinesTest {
    private static final Map<String, Object> IMAGE = Map.of("url", "https://img.example.com/budapest.jpg",
            "alt", "Leaders shake hands", "caption", "In Budapest on Thursday.", "credit", "Photo: AP",
            "width", 1600, "height", 900);
    private static final Map<String, Object> HEADLINES = Map.of("seo", "Trump and Putin to meet in Budapest",
            "social", "The leaders agree to meet in Budapest");

    @Test
    void leadImageAndHeadlinesAreReadByEveryApiThatShowsTheArticle() {
        Created a = article().with("leadImage", IMAGE).with("headlines", HEADLINES).published();

        admin().get(a.adminPath()).then().statusCode(200)
                .body("leadImage.url", equalTo("https://img.example.com/budapest.jpg"))
                .body("leadImage.alt", equalTo("Leaders shake hands"))
                .body("leadImage.width", equalTo(1600))
                .body("headlines.seo", equalTo("Trump and Putin to meet in Budapest"));
        given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).contentType("application/json")
                .body("leadImage.caption", equalTo("In Budapest on Thursday."))
                .body("leadImage.credit", equalTo("Photo: AP"))
                .body("leadImage.height", equalTo(900))
                .body("headlines.social", equalTo("The leaders agree to meet in Budapest"));
        given().queryParam("tag", a.tag()).get("/api/v1/articles").then().statusCode(200)
                .body("data[0].leadImage.url", equalTo("https://img.example.com/budapest.jpg"))
                .body("data[0].leadImage.alt", equalTo("Leaders shake hands"));
        admin().get(a.adminPath() + "/revisions/1").then().statusCode(200)
                .body("article.leadImage.url", equalTo("https://img.example.com/budapest.jpg"))
                .body("article.headlines.seo", equalTo("Trump and Putin to meet in Budapest"));
    }

    @Test
    void articleWithoutThemAnswersNullRatherThanLeavingThemOut() {
        Created a = article().published();
        String body = given().get("/api/v1/articles/" + a.slug()).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"leadImage\":null"), body);
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"headlines\":null"), body);
        given().queryParam("tag", a.tag()).get("/api/v1/articles").then().statusCode(200)
                .body("data[0].leadImage", nullValue());
    }

    @Test
    void patchChangesOneHeadlineClearsTheImageAndARestoreBringsItBack() {
        Created a = article().with("leadImage", IMAGE).with("headlines", HEADLINES).draft();
        Map<String, Object> patch = new HashMap<>();
        patch.put("headlines", Map.of("seo", "A shorter SEO headline"));
        patch.put("leadImage", null);
        admin().header("If-Match", a.etag()).body(patch).patch(a.adminPath()).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("leadImage", nullValue())
                .body("headlines.seo", equalTo("A shorter SEO headline"))
                // A merge patch keeps the members it does not name.
                .body("headlines.social", equalTo("The leaders agree to meet in Budapest"));
        admin().get(a.adminPath() + "/revisions").then().statusCode(200)
                .body("data[0].changed", containsInAnyOrder("leadImage", "headlines"));

        admin().header("If-Match", "\"2\"").post(a.adminPath() + "/revisions/1/restore").then().statusCode(200)
                .body("leadImage.url", equalTo("https://img.example.com/budapest.jpg"))
                .body("headlines.seo", equalTo("Trump and Putin to meet in Budapest"));
    }

    @Test
    void blankHeadlinesAreNoHeadlines() {
        Created a = article().with("headlines", Map.of("seo", "  ", "social", "")).draft();
        admin().get(a.adminPath()).then().statusCode(200).body("headlines", nullValue());
        admin().get(a.adminPath() + "/revisions").then().statusCode(200)
                .body("data[0].changed", org.hamcrest.Matchers.not(hasItem("headlines")));
    }

    @Test
    void badImagesAndHeadlinesAreRefusedNamingTheField() {
        refused(Map.of("leadImage", Map.of("url", "javascript:alert(1)", "alt", "x")), "leadImage.url");
        refused(Map.of("leadImage", Map.of("url", "/relative.jpg", "alt", "x")), "leadImage.url");
        refused(Map.of("leadImage", Map.of("url", "https://img.example.com/a.jpg")), "leadImage.alt");
        refused(Map.of("leadImage", Map.of("url", "https://img.example.com/a.jpg", "alt", " ")), "leadImage.alt");
        refused(Map.of("leadImage", Map.of("url", "https://img.example.com/a.jpg", "alt", "x", "width", 0)), "leadImage.width");
        refused(Map.of("leadImage", Map.of("url", "https://img.example.com/a.jpg", "alt", "x", "size", 3)), "leadImage.size");
        refused(Map.of("leadImage", "https://img.example.com/a.jpg"), "leadImage");
        refused(Map.of("headlines", Map.of("seo", "x".repeat(111))), "headlines.seo");
        refused(Map.of("headlines", Map.of("social", "x".repeat(201))), "headlines.social");
    }

    @Test
    void aBadPatchChangesNothing() {
        Created a = article().with("leadImage", IMAGE).draft();
        admin().header("If-Match", a.etag()).body(Map.of("leadImage", Map.of("url", "ftp://img.example.com/a.jpg"))).patch(a.adminPath()).then()
                .statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", contains("leadImage.url"));
        admin().get(a.adminPath()).then().body("revision", equalTo(1))
                .body("leadImage.url", equalTo("https://img.example.com/budapest.jpg"));
    }

    private static void refused(Map<String, Object> fields, String field) {
        var builder = article();
        fields.forEach(builder::with);
        admin().body(builder.body()).post("/api/v1/admin/articles").then()
                .statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", contains(field));
    }
}
