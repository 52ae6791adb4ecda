package news.masthead.preview.api;

import io.quarkus.vertx.http.security.AuthorizationPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import news.masthead.access.Roles;
import news.masthead.article.ArticlePreviews;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.api.PreviewArticlePage;
import news.masthead.article.api.PreviewArticleResponse;
import news.masthead.article.api.PreviewArticleSummary;
import news.masthead.common.paging.Page;
import news.masthead.preview.PreviewPermission;
import news.masthead.preview.PreviewService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Preview API: the Content API's reads over every article not in the trash, for the newsroom.
 * Never cached anywhere ({@link PreviewHeaders} marks every answer private and no-store).
 */
@Path("/api/v1/preview/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preview", description = "Drafts on the real frontend: the Content API's shapes plus status and revision, "
        + "over every article not in the trash, now or at a future instant. Never cached: `Cache-Control: private, "
        + "no-store`, `X-Robots-Tag: noindex`.")
public class PreviewArticleResource {
    static final String AT_DOC = "A future instant (ISO-8601): answer exactly what the Content API will answer then, "
            + "given every schedule and embargo as they now stand (drafts left out). In the past: 400.";
    private final PreviewService service;

    public PreviewArticleResource(PreviewService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @SecurityRequirement(name = "preview")
    @Operation(operationId = "listPreviewArticles", summary = "List or search articles as preview shows them",
            description = "Without `at`: every article not in the trash, in its latest state, newest first "
                    + "(publishedAt; one never published by when it was created). With `at`: the Content API's list at "
                    + "that instant. Every Content API filter applies, `q` included. A desk token sees its sections, a "
                    + "writer only the articles its token created.")
    @APIResponse(responseCode = "200", description = "A page of article summaries with status and revision.",
            content = @Content(schema = @Schema(implementation = PreviewArticlePage.class)))
    public Page<PreviewArticleSummary> list(@BeanParam ArticleFilters filters, @BeanParam ArticleSearch search,
                                            @Parameter(description = AT_DOC, example = "2026-10-17T06:00:00Z",
                                                    schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 64))
                                            @QueryParam("at") String at) {
        return service.list(filters, search, at);
    }

    @GET
    @Path("/{slug}")
    @AuthorizationPolicy(name = PreviewPermission.NAME)
    @SecurityRequirement(name = "preview")
    @Operation(operationId = "getPreviewArticle", summary = "Get an article as preview shows it",
            description = "With a bearer token (admin, editor, writer: within its sections, a writer its own articles), "
                    + "or with `token`, a preview link's secret, for that link's article only: any other slug, an "
                    + "expired or revoked link, or an article in the trash answers 404.")
    @APIResponse(responseCode = "200", description = "The article with status and revision.",
            content = @Content(schema = @Schema(implementation = PreviewArticleResponse.class)))
    @APIResponse(responseCode = "301", description = "An old slug of the article: Location names the current one, "
            + "with the same query.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 2048)))
    public Response get(@PathParam("slug") String slug,
                        @Parameter(description = AT_DOC, example = "2026-10-17T06:00:00Z",
                                schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 64))
                        @QueryParam("at") String at,
                        @Parameter(description = "A preview link's secret (`pv_…`), instead of a bearer token.",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^pv_[A-Za-z0-9_-]{43}$"))
                        @QueryParam("token") String token) {
        ArticlePreviews.Found found = service.find(slug, at, token);
        if (found.movedTo() != null) {
            UriBuilder moved = UriBuilder.fromPath("/api/v1/preview/articles/{slug}");
            if (at != null) {
                moved.queryParam("at", at);
            }
            if (token != null) {
                moved.queryParam("token", token);
            }
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(moved.build(found.movedTo())).build();
        }
        return Response.ok(found.article()).build();
    }
}
