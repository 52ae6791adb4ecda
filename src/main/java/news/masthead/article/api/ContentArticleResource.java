package news.masthead.article.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.article.ArticleReader;
import news.masthead.common.http.Cacheable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Content: articles", description = "Published articles, public and cacheable.")
public class ContentArticleResource {
    private final ArticleReader reader;
    private final Cacheable cacheable;

    public ContentArticleResource(ArticleReader reader, Cacheable cacheable) {
        this.reader = reader;
        this.cacheable = cacheable;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List or search published articles",
            description = "Newest first (publishedAt, then id). With `q`, only articles matching the search, by "
                    + "relevance among the newest matches (then newest) unless `sort=newest`; each hit carries a "
                    + "highlighted `snippet`. "
                    + "Every filter combines with `q`, and the cursor pages either order.")
    @APIResponse(responseCode = "200", description = "A page of article summaries.",
            content = @Content(schema = @Schema(implementation = ArticleSummaryPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response list(@BeanParam ArticleFilters filters, @BeanParam ArticleSearch search,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> reader.listPublicDocuments(filters, search));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getArticle", summary = "Get a published article by slug")
    @APIResponse(responseCode = "200", description = "The article.",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "301", description = "An old slug of the article: Location names the current one.",
            headers = @Header(name = "Location", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 2048)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "410", description = "The article was killed (a legal takedown): this slug, and every "
            + "old one, is gone for good. Cacheable like the article was, and purged if an admin ever restores it.")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> reader.findPublicDocument(slug));
    }
}
