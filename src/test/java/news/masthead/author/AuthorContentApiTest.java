package news.masthead.author;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorContentApiTest {

    private static String authorWithEmail() {
        String slug = Api.unique("public");
        Fixtures.create(Fixtures.AUTHORS, Map.of("slug", slug, "name", "Public Person", "jobTitle", "Reporter",
                "bio", "Reports.", "avatarUrl", "https://cdn.example.com/p.jpg", "email", "secret@example.com"));
        return slug;
    }

    @Test
    void anAuthorIsPublicWithoutEmail() {
        String slug = authorWithEmail();
        Api.anonymous().get("/api/v1/authors/" + slug)
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=30"))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Public Person"))
                .body("jobTitle", equalTo("Reporter"))
                .body("bio", equalTo("Reports."))
                .body("avatarUrl", equalTo("https://cdn.example.com/p.jpg"))
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("createdAt")));
    }

    @Test
    void theAuthorListShowsNoEmail() {
        authorWithEmail();
        Api.anonymous().queryParam("limit", 100).get("/api/v1/authors")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("data", not(hasSize(0)))
                .body("data", everyItem(not(hasKey("email"))))
                .body("meta.limit", equalTo(100));
    }

    @Test
    void theAuthorListPagesWithACursor() {
        Fixtures.author();
        Fixtures.author();
        String cursor = Api.anonymous().queryParam("limit", 1).get("/api/v1/authors")
                .then().statusCode(200).body("data", hasSize(1)).body("meta.nextCursor", notNullValue())
                .extract().path("meta.nextCursor");
        Api.anonymous().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/authors")
                .then().statusCode(200).body("data", hasSize(1));
        Api.anonymous().queryParam("cursor", "%%%").get("/api/v1/authors")
                .then().statusCode(400).contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION));
    }

    @Test
    void aMatchingIfNoneMatchGets304() {
        String slug = Fixtures.author();
        String etag = Api.anonymous().get("/api/v1/authors/" + slug).then().statusCode(200).extract().header("ETag");
        Api.anonymous().header("If-None-Match", etag).get("/api/v1/authors/" + slug)
                .then().statusCode(304).header("ETag", equalTo(etag));
    }

    @Test
    void anUnknownAuthorSlugIs404Problem() {
        Api.anonymous().get("/api/v1/authors/" + Api.unique("nobody"))
                .then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
    }
}
