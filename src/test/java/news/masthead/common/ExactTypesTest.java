package news.masthead.common;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The served spec's response schemas are exact (ExactTypes): real answers, with every optional
 * field absent and present, validate against them, `required` and `null` included. A property
 * marked required that an answer leaves out, or one typed non-null that an answer sends as null,
 * fails here before a generated client meets it.
 */
@QuarkusTest
class ExactTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void realAnswersValidateAgainstTheirExactSchemas() throws Exception {
        JsonNode spec = JSON.readTree(given().get("/q/openapi?format=json").asString());
        String section = Fixtures.section();
        String author = Fixtures.author();
        Created full = article().section(section).authors(author)
                .with("leadImage", Map.of("url", "https://img.example.com/x.jpg", "alt", "Alt", "caption", "Caption"))
                .with("headlines", Map.of("seo", "SEO")).published();
        Created bare = article().with("summary", null).with("tags", List.of()).published();
        Created draft = article().draft();
        admin().header("If-Match", full.etag()).body(Map.of("summary", "New", "updateNote", "Fixed.", "updateKind", "correction"))
                .patch(full.adminPath()).then().statusCode(200);

        List<String> faults = new ArrayList<>();
        check(spec, "Article", given().get("/api/v1/articles/" + full.slug()).asString(), faults);
        check(spec, "Article", given().get("/api/v1/articles/" + bare.slug()).asString(), faults);
        check(spec, "ArticleSummaryPage", given().queryParam("section", section).get("/api/v1/articles").asString(), faults);
        check(spec, "ArticleSummaryPage", given().queryParam("tag", bare.tag()).get("/api/v1/articles").asString(), faults);
        check(spec, "AdminArticle", admin().get(draft.adminPath()).asString(), faults);
        check(spec, "AdminArticle", admin().get(full.adminPath()).asString(), faults);
        check(spec, "AdminArticlePage", admin().queryParam("limit", 5).get("/api/v1/admin/articles").asString(), faults);
        check(spec, "RevisionPage", admin().get(full.adminPath() + "/revisions").asString(), faults);
        check(spec, "Revision", admin().get(full.adminPath() + "/revisions/1").asString(), faults);
        check(spec, "PreviewArticle", admin().get("/api/v1/preview/articles/" + draft.slug()).asString(), faults);
        check(spec, "PreviewArticlePage", admin().queryParam("limit", 5).get("/api/v1/preview/articles").asString(), faults);
        check(spec, "SectionList", given().get("/api/v1/sections").asString(), faults);
        check(spec, "Author", given().get("/api/v1/authors/" + author).asString(), faults);
        check(spec, "AuthorPage", given().get("/api/v1/authors").asString(), faults);
        check(spec, "Problem", given().get("/api/v1/articles/" + draft.slug()).asString(), faults);
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @Test
    void theCheckCatchesAMissingRequiredPropertyAndAnUnexpectedNull() throws Exception {
        JsonNode spec = JSON.readTree(given().get("/q/openapi?format=json").asString());
        Created a = article().published();
        ObjectNode answer = (ObjectNode) JSON.readTree(given().get("/api/v1/articles/" + a.slug()).asString());
        List<String> faults = new ArrayList<>();
        check(spec, "Article", answer.deepCopy().without("headline").toString(), faults);
        check(spec, "Article", answer.deepCopy().putNull("slug").toString(), faults);
        check(spec, "Article", answer.deepCopy().without("leadImage").toString(), faults);
        assertEquals(3, faults.size(), String.join("\n", faults));
    }

    private static void check(JsonNode spec, String schema, String body, List<String> faults) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", spec.get("components"));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, config).validate(JSON.readTree(body));
        if (!errors.isEmpty()) {
            faults.add(schema + ": " + errors + "\n  " + body);
        }
    }
}
