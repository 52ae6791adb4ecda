package news.masthead.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi.yaml is the spec the server serves: compared as parsed trees.
 * Regenerate it with {@code ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiSpecTest {
    private static final Path COMMITTED = Path.of("openapi.yaml");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void committedSpecEqualsServedSpec() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served);
        }
        assertTrue(Files.exists(COMMITTED), "openapi.yaml is missing at the top level");
        JsonNode expected = yaml.readTree(Files.readString(COMMITTED));
        assertEquals(expected, yaml.readTree(served),
                "openapi.yaml differs from the served spec; regenerate with -Dopenapi.update=true and review the diff");
    }

    @Test
    void everyOperationHasIdSummaryTagAndProblemErrors() throws Exception {
        JsonNode spec = yaml.readTree(given().queryParam("format", "yaml").get("/q/openapi").asString());
        List<String> faults = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            if (!o.hasNonNull("operationId") || !ids.add(o.get("operationId").asText())) {
                faults.add(where + ": missing or duplicate operationId");
            }
            if (!o.hasNonNull("summary")) {
                faults.add(where + ": no summary");
            }
            if (!o.has("tags") || o.get("tags").isEmpty()) {
                faults.add(where + ": no tag");
            }
            o.get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") && !r.getValue().path("content").has("application/problem+json")) {
                    faults.add(where + ": " + r.getKey() + " is not documented as problem+json");
                }
            });
            if (!o.get("responses").has("400")) {
                faults.add(where + ": no 400");
            }
            if (!o.get("responses").path("429").path("headers").has("Retry-After")) {
                faults.add(where + ": no 429 with Retry-After");
            }
            // Stated either way: a token on the Admin (bearer), Syndication (partner) and Preview (preview) APIs, explicitly none on the Content API.
            boolean tokenApi = path.getKey().matches("^/api/v1/(admin|syndication|preview)(/.*)?$");
            String security = o.path("security").toString();
            String expected = !tokenApi ? "[]"
                    : path.getKey().startsWith("/api/v1/syndication") ? "[{\"partner\":[]}]"
                    : path.getKey().startsWith("/api/v1/preview") ? "[{\"preview\":[]}]" : "[{\"bearer\":[]}]";
            if (!security.equals(expected)) {
                faults.add(where + ": security " + security + ", expected " + expected);
            }
            // Quota headers on every answer of a token API, and on no public one (shared caches).
            o.get("responses").fields().forEachRemaining(r -> {
                JsonNode headers = r.getValue().path("headers");
                if (tokenApi != (headers.has("RateLimit") && headers.has("RateLimit-Policy"))) {
                    faults.add(where + ": " + r.getKey() + (tokenApi ? " lacks" : " documents") + " the RateLimit headers");
                }
            });
        }));
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        assertFalse(ids.isEmpty());
    }

    @Test
    void aMergePatchDocumentsTheLimitsOfTheWriteItIsValidatedAs() throws Exception {
        JsonNode schemas = yaml.readTree(given().queryParam("format", "yaml").get("/q/openapi").asString())
                .path("components").path("schemas");
        assertEquals(300, schemas.path("ArticlePatch").path("properties").path("headline").path("maxLength").asInt());
        assertEquals(schemas.path("ArticleWrite").path("properties").path("tags"),
                schemas.path("ArticlePatch").path("properties").path("tags"));
        assertEquals(120, schemas.path("SectionPatch").path("properties").path("parent").path("maxLength").asInt());
        assertEquals(2200, schemas.path("CopyrightNoticePatch").path("properties").path("year").path("maximum").asInt());
    }
}
