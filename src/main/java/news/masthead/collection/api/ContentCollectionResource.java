package news.masthead.collection.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.collection.CollectionService;
import news.masthead.common.http.Cacheable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Content: collections", description = "Curated collections (fronts), public and cacheable.")
public class ContentCollectionResource {
    private final CollectionService service;
    private final Cacheable cacheable;

    public ContentCollectionResource(CollectionService service, Cacheable cacheable) {
        this.service = service;
        this.cacheable = cacheable;
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getPublicCollection", summary = "Get a collection by slug",
            description = "Pinned items first, then the newest public articles matching the fill, never repeated, at most "
                    + "`size`. An item whose article is not public is left out and the rest move up.")
    @APIResponse(responseCode = "200", description = "The collection.",
            content = @Content(schema = @Schema(implementation = CollectionResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> service.getPublic(slug));
    }
}
