package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HtmlSafetyTest {

    @Test
    void htmlBlockIsStoredWithoutScriptsHandlersOrJavascriptUrls() {
        String hostile = "<div class=\"custom\">Custom <script>alert(1)</script>"
                + "<img src=\"https://img.example.org/a.png\" onerror=\"alert(2)\">"
                + "<a href=\"javascript:alert(3)\">link</a><iframe src=\"https://evil.example.org/x\"></iframe>"
                + "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe></div>";
        var body = article().with("body", List.of(Map.of("type", "html", "html", hostile))).body();
        String stored = admin().body(body).post("/api/v1/admin/articles").then().statusCode(201)
                .body("body[0].html", not(containsString("<script")))
                .body("body[0].html", not(containsString("onerror")))
                .body("body[0].html", not(containsString("javascript:")))
                .body("body[0].html", not(containsString("evil.example.org")))
                .body("body[0].html", containsString("https://www.youtube.com/embed/abc"))
                .body("body[0].html", containsString("class=\"custom\""))
                .extract().path("body[0].html");
        org.junit.jupiter.api.Assertions.assertTrue(stored.contains("Custom"), stored);
    }

    @Test
    void inlineTextKeepsOnlyLinksEmphasisAndStrong() {
        String text = "Read <a href=\"https://example.org/\" onclick=\"x()\">this</a>, <em>now</em> "
                + "<strong>please</strong><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">bad</a>";
        var body = article().with("body", List.of(Map.of("type", "paragraph", "text", text))).body();
        admin().body(body).post("/api/v1/admin/articles").then().statusCode(201)
                .body("body[0].text", containsString("<a href=\"https://example.org/\">this</a>"))
                .body("body[0].text", containsString("<em>now</em>"))
                .body("body[0].text", containsString("<strong>please</strong>"))
                .body("body[0].text", not(containsString("onclick")))
                .body("body[0].text", not(containsString("<img")))
                .body("body[0].text", not(containsString("javascript:")));
    }

    @Test
    void blockUrlsMustBeWebUrls() {
        var body = article().with("body", List.of(Map.of("type", "image", "url", "javascript:alert(1)", "alt", "x"))).body();
        admin().body(body).post("/api/v1/admin/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("body[0].url"));
    }
}
