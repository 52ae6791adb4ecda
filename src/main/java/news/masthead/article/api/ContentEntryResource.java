package news.masthead.article.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.article.LiveblogService;
import news.masthead.common.http.Cacheable;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/{slug}/entries")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Content: articles")
public class ContentEntryResource {
    private final LiveblogService service;
    private final Cacheable cacheable;

    public ContentEntryResource(LiveblogService service, Cacheable cacheable) {
        this.service = service;
        this.cacheable = cacheable;
    }

    @GET
    @Operation(operationId = "listLiveblogEntries", summary = "List a published liveblog's entries",
            description = "Newest first (publishedAt, then id), paged by cursor; public exactly while the article is. "
                    + "`meta.pinned` is the pinned entry, if any, on every page.")
    @APIResponse(responseCode = "200", description = "A page of entries.",
            content = @Content(schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response list(@PathParam("slug") String slug,
                         @BeanParam PageParams page,
                         @Parameter(description = "true: only key events.", schema = @Schema(enumeration = {"true", "false"}))
                         @QueryParam("keyEvents") String keyEvents,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> service.publicPage(slug, page.limit, page.cursor, keyEvents));
    }
}
