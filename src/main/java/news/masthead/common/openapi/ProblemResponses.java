package news.masthead.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every operation can answer besides success, from the same rules the runtime
 * follows: admin operations may be 401/403, a path with an id may be 404, a body may be 413/415,
 * an If-Match write may be 409/412/428. Keeping it here means no operation can forget them.
 */
public class ProblemResponses implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, op) -> document(path, method, op)));
        examples(openAPI);
    }

    private void document(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses();
        boolean admin = path.startsWith("/api/v1/admin");
        problem(responses, "400", "Invalid input: the problem names each field (or query parameter) at fault.");
        if (admin) {
            problem(responses, "401", "No token, or an unknown, revoked or expired one.");
            responses.getAPIResponse("401").addHeader("WWW-Authenticate",
                    OASFactory.createHeader().description("Bearer realm=\"masthead\"").schema(string()));
            problem(responses, "403", "The token's role may not do this.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Nothing with this id or slug is visible to you.");
        }
        if (op.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than 1 MiB.");
            problem(responses, "415", "The body is not JSON.");
        }
        if (admin && method != PathItem.HttpMethod.GET) {
            problem(responses, "409", "The change conflicts with current state (a taken slug, a resource still in use, a wrong status).");
        }
        if (hasHeader(op, "If-Match")) {
            problem(responses, "412", "If-Match names a revision that is no longer current; the problem says the current one.");
            problem(responses, "428", "If-Match is missing.");
        }
        if (!admin && method == PathItem.HttpMethod.GET) {
            cacheHeaders(responses.getAPIResponse("200"));
        }
        if (admin && path.contains("/articles")) {
            etag(responses.getAPIResponse("200"));
            etag(responses.getAPIResponse("201"));
        }
    }

    /** Adds the response, or gives one the framework generated (such as 400 for @Valid) the problem body. */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        response.content(OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static void cacheHeaders(APIResponse ok) {
        if (ok == null) {
            return;
        }
        ok.addHeader("ETag", OASFactory.createHeader().description("Strong validator of exactly these bytes.").schema(string()));
        ok.addHeader("Cache-Control", OASFactory.createHeader().description("public, max-age=60 (configurable).").schema(string()));
    }

    private static void etag(APIResponse ok) {
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader().description("The article's revision in quotes; send it back as If-Match.")
                    .schema(string()));
        }
    }

    private static boolean hasHeader(Operation op, String name) {
        if (op.getParameters() == null) {
            return false;
        }
        for (Parameter p : op.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private void examples(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        example(schemas.get("Article"), "Article");
        example(schemas.get("ArticleWrite"), "ArticleWrite");
    }

    private static void example(Schema schema, String name) {
        if (schema == null) {
            return;
        }
        try (InputStream in = ProblemResponses.class.getResourceAsStream("/openapi-examples/" + name + ".json")) {
            schema.setExamples(java.util.List.of(new ObjectMapper().readValue(in, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
