package news.masthead.section;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SectionContentApiTest {

    private static String section(String name, String parent, int position) {
        String slug = Api.unique("tree");
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", name, "position", position));
        if (parent != null) {
            body.put("parent", parent);
        }
        Fixtures.create(Fixtures.SECTIONS, body);
        return slug;
    }

    @Test
    void theTreeIsListedDepthFirstWithSiblingsByPositionThenName() {
        String root = section("Root", null, 0);
        String late = section("Alpha", root, 2);
        String zeta = section("Zeta", root, 1);
        String beta = section("Beta", root, 1);
        String grandchild = section("Grandchild", zeta, 0);

        JsonPath tree = Api.anonymous().get("/api/v1/sections")
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=30"))
                .extract().jsonPath();
        List<String> slugs = tree.getList("data.slug");
        int at = slugs.indexOf(root);
        assertEquals(List.of(root, beta, zeta, grandchild, late), slugs.subList(at, at + 5));
        assertEquals(zeta, tree.getString("data[" + (at + 3) + "].parent"));
        assertEquals(root, tree.getString("data[" + (at + 1) + "].parent"));
    }

    @Test
    void aPublicSectionHasExactlyTheContractFields() {
        String parent = Fixtures.section();
        String slug = Api.unique("public");
        Fixtures.create(Fixtures.SECTIONS, Map.of("slug", slug, "name", "Politics", "description", "Who governs.",
                "parent", parent, "position", 4));
        JsonPath section = Api.anonymous().get("/api/v1/sections/" + slug)
                .then().statusCode(200)
                .header("ETag", startsWith("\""))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Politics"))
                .body("description", equalTo("Who governs."))
                .body("parent", equalTo(parent))
                .body("position", equalTo(4))
                .extract().jsonPath();
        assertEquals(Set.of("slug", "name", "description", "parent", "position"), section.getMap("$").keySet());
    }

    @Test
    void aTopLevelSectionHasANullParent() {
        String slug = Fixtures.section();
        JsonPath section = Api.anonymous().get("/api/v1/sections/" + slug)
                .then().statusCode(200).body("parent", nullValue()).extract().jsonPath();
        assertEquals(Set.of("slug", "name", "description", "parent", "position"), section.getMap("$").keySet());
    }

    @Test
    void aMatchingIfNoneMatchGets304() {
        String slug = Fixtures.section();
        String etag = Api.anonymous().get("/api/v1/sections/" + slug).then().statusCode(200).extract().header("ETag");
        Api.anonymous().header("If-None-Match", etag).get("/api/v1/sections/" + slug)
                .then().statusCode(304).header("ETag", equalTo(etag));
    }

    @Test
    void anUnknownSectionSlugIs404Problem() {
        Api.anonymous().get("/api/v1/sections/" + Api.unique("nowhere"))
                .then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
    }

    @Test
    void theTreeTakesNoQueryParameters() {
        Api.anonymous().queryParam("limit", 5).get("/api/v1/sections")
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("limit"));
    }
}
