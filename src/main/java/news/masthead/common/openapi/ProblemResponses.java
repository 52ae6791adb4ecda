package news.masthead.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
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
 * an If-Match write may be 409/412/428, any request may be rate limited (429) and any may meet a
 * fault of ours (500). Keeping it here means no operation can forget them. It also states who may
 * call what (Admin, Syndication and Preview operations need the bearer scheme, content operations
 * nothing), documents the RateLimit headers of the token-authenticated ones, and hands the schemas
 * to {@link SchemaLimits}.
 */
public class ProblemResponses implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";
    /** The APIs a bearer token opens: their answers are private and carry the caller's quota. */
    private static final String SYNDICATION = "/api/v1/syndication";
    private static final java.util.List<String> TOKEN_APIS = java.util.List.of("/api/v1/admin", SYNDICATION, "/api/v1/preview");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, op) -> document(path, method, op)));
        examples(openAPI);
        SchemaLimits.apply(openAPI);
        ExactTypes.apply(openAPI);
    }

    private void document(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses();
        boolean admin = path.startsWith("/api/v1/admin");
        boolean tokenApi = TOKEN_APIS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        // Preview reads take a bearer token (or, by slug, a preview link's secret); they are never public.
        boolean preview = path.startsWith("/api/v1/preview");
        boolean stream = path.endsWith("/stream");
        problem(responses, "400", "Invalid input: the problem names each field (or query parameter) at fault.");
        if (tokenApi) {
            problem(responses, "401", "No token, or an unknown, revoked or expired one.");
            responses.getAPIResponse("401").addHeader("WWW-Authenticate",
                    OASFactory.createHeader().description("Bearer realm=\"masthead\"").schema(string(200)));
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
            problem(responses, "409", "The change conflicts with current state (a taken slug, a resource still in use, a wrong "
                    + "status), or lost to a concurrent write (urn:masthead:problem:write-conflict: nothing was saved, send it "
                    + "again after Retry-After).");
            responses.getAPIResponse("409").addHeader("Retry-After", OASFactory.createHeader()
                    .description("On write-conflict only: seconds after which sending the same request again should succeed.")
                    .schema(retrySeconds()));
            // ProblemMapper: a row held by another request past lock_timeout (MASTHEAD_DB_LOCK_TIMEOUT).
            problem(responses, "503", "What this changes is being changed by another request (urn:masthead:problem:lock-timeout); "
                    + "nothing was saved, send it again after Retry-After.");
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader().required(true)
                    .description("Seconds after which to send the same request again.").schema(retrySeconds()));
        }
        if (hasQuery(op, "q") && responses.getAPIResponse("503") == null) {
            // SearchGate: a search that found no turn within masthead.search.wait was not run.
            problem(responses, "503", "With q: too many searches are running (urn:masthead:problem:busy); nothing was run, send "
                    + "the same request again after Retry-After.");
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader().required(true)
                    .description("Seconds after which to send the same request again.").schema(retrySeconds()));
        }
        if (hasHeader(op, "If-Match")) {
            problem(responses, "412", "If-Match names a revision that is no longer current; the problem says the current one.");
            problem(responses, "428", "If-Match is missing.");
        }
        // RateLimitFilter runs before anything else, so every operation can answer this.
        problem(responses, "429", "Too many requests from this token or address (or, for requests that carry a token, too many "
                + "failed authentications from this address this minute); wait Retry-After seconds.");
        responses.getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader().required(true)
                .description("Seconds until the limiter lets this caller through again.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(60))));
        // ProblemMapper's last resort: a fault of ours still answers problem+json, never a stack trace.
        problem(responses, "500", "A fault on our side; the problem carries no internals.");
        if (preview || stream) {
            privateHeaders(responses.getAPIResponse("200"), preview);
        } else if (!tokenApi && method == PathItem.HttpMethod.GET) {
            cacheHeaders(responses.getAPIResponse("200"));
            if (CONTENT_CACHED.matcher(path).matches()) {
                surrogateHeaders(responses.getAPIResponse("200"));
            }
        }
        // A resource withdrawn for good (a killed article) answers a problem too; a public one is
        // cached and tagged like the resource was (Cacheable).
        if (responses.getAPIResponse("410") != null) {
            problem(responses, "410", null);
            if (!admin && method == PathItem.HttpMethod.GET && CONTENT_CACHED.matcher(path).matches()) {
                APIResponse gone = responses.getAPIResponse("410");
                gone.addHeader("Cache-Control", OASFactory.createHeader().description("public, max-age=60 (configurable).")
                        .schema(string(100)));
                surrogateHeaders(gone);
            }
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null) {
            // Created.at sets it on every create.
            created.addHeader("Location", OASFactory.createHeader().required(true)
                    .description("The absolute URL of the resource just created.").schema(string(2048).format("uri")));
        }
        if (tokenApi) {
            responses.getAPIResponses().values().forEach(ProblemResponses::rateLimitHeaders);
        }
        if (writesArticleWithEtag(path, method)) {
            etag(responses.getAPIResponse("200"));
            etag(responses.getAPIResponse("201"));
        }
        responses.getAPIResponses().values().forEach(ProblemResponses::corsHeader);
        // Content operations are public; saying so (rather than leaving security out) tells tools
        // and readers that no credentials are needed, not that someone forgot them.
        if (!tokenApi) {
            op.setSecurity(new ArrayList<>());
        } else if (path.startsWith(SYNDICATION)) {
            // Partner tokens are credentials of their own: they open this API and no admin operation.
            op.setSecurity(new ArrayList<>(java.util.List.of(OASFactory.createSecurityRequirement().addScheme("partner"))));
        } else if (preview) {
            // The same tokens as the Admin API, but a read-only API of its own: named apart so that
            // no tool takes a preview operation for an admin one (or the reverse).
            op.setSecurity(new ArrayList<>(java.util.List.of(OASFactory.createSecurityRequirement().addScheme("preview"))));
        }
    }

    /**
     * RateLimitFilter's quota headers (draft-ietf-httpapi-ratelimit-headers-11) on every answer of
     * a token-authenticated API. Public answers have none: they are Cache-Control: public, and a
     * shared cache would hand one client's quota to the next.
     */
    private static void rateLimitHeaders(APIResponse response) {
        // Described once under components/headers (META-INF/openapi.yaml), referenced from every answer.
        response.addHeader("RateLimit-Policy", OASFactory.createHeader().ref("#/components/headers/RateLimit-Policy"));
        response.addHeader("RateLimit", OASFactory.createHeader().ref("#/components/headers/RateLimit"));
    }

    private static Schema retrySeconds() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(60));
    }

    /** ArticleEtags sets an ETag on answers that carry one whole admin article; lists and revisions have none. */
    private static boolean writesArticleWithEtag(String path, PathItem.HttpMethod method) {
        if (!path.startsWith("/api/v1/admin/articles")) {
            return false;
        }
        if (path.contains("/revisions")) {
            return path.endsWith("/restore");
        }
        return !(path.equals("/api/v1/admin/articles") && method == PathItem.HttpMethod.GET);
    }

    /**
     * Cors answers with the origin on every response to an allowed Origin, errors included. Described
     * once under components/headers (META-INF/openapi.yaml) with the quota headers, referenced here.
     */
    private static void corsHeader(APIResponse response) {
        response.addHeader("Access-Control-Allow-Origin",
                OASFactory.createHeader().ref("#/components/headers/Access-Control-Allow-Origin"));
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

    /** Preview answers (PreviewHeaders) and event streams are for one client only and never stored. */
    private static void privateHeaders(APIResponse ok, boolean preview) {
        if (ok == null) {
            return;
        }
        ok.addHeader("Cache-Control", OASFactory.createHeader().description(preview ? "private, no-store" : "no-store")
                .schema(string(100)));
        if (preview) {
            ok.addHeader("X-Robots-Tag", OASFactory.createHeader().description("noindex").schema(string(100)));
        }
    }

    private static void cacheHeaders(APIResponse ok) {
        if (ok == null) {
            return;
        }
        ok.addHeader("ETag", OASFactory.createHeader().description("Strong validator of exactly these bytes.").schema(string(100)));
        ok.addHeader("Cache-Control", OASFactory.createHeader().description("public, max-age=60 (configurable).").schema(string(100)));
    }

    /** Content API answers kept in the content cache, and the feeds, carry surrogate keys (syndication does not). */
    private static final Pattern CONTENT_CACHED = Pattern.compile("^/api/v1/(articles|sections|authors|feeds|sitemaps)(/.*)?$");

    private static void surrogateHeaders(APIResponse ok) {
        if (ok == null) {
            return;
        }
        ok.addHeader("Surrogate-Key", OASFactory.createHeader().description("Space-separated keys of everything this answer "
                + "shows (article-<id>, section-<id>, author-<id>, notice-<id>; articles, sections or authors on lists; feeds "
                + "on feeds), "
                + "which Masthead purges from the CDN when they change. A CDN normally strips it.").schema(string(100_000)));
        ok.addHeader("Surrogate-Control", OASFactory.createHeader().description("Only when a CDN purge URL is configured "
                + "(MASTHEAD_PURGE_URL): max-age=86400 (MASTHEAD_CDN_MAX_AGE). How long the CDN may keep this answer: "
                + "Masthead purges it on change, so far longer than Cache-Control allows browsers. Addressed to the "
                + "CDN, which strips it.").schema(string(100)));
    }

    private static void etag(APIResponse ok) {
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader().description("The article's revision in quotes; send it back as If-Match.")
                    .schema(string(12).pattern("^\"[0-9]+\"$")));
        }
    }

    private static boolean hasQuery(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()));
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

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
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
