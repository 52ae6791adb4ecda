package news.masthead.author.api;

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
import news.masthead.author.AuthorService;
import news.masthead.common.http.Cacheable;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Content: authors", description = "Authors' public profiles, cacheable.")
public class ContentAuthorResource {
    private final AuthorService service;
    private final Cacheable cacheable;

    public ContentAuthorResource(AuthorService service, Cacheable cacheable) {
        this.service = service;
        this.cacheable = cacheable;
    }

    @GET
    @Operation(operationId = "listAuthors", summary = "List authors by slug")
    @APIResponse(responseCode = "200", description = "A page of authors' public profiles.",
            content = @Content(schema = @Schema(implementation = AuthorPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response list(@BeanParam PageParams page, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> service.listPublic(page.limit, page.cursor));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getAuthor", summary = "Get an author's public profile by slug")
    @APIResponse(responseCode = "200", description = "The author.",
            content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> service.getPublic(slug));
    }
}
