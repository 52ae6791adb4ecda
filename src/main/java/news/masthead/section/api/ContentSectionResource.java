package news.masthead.section.api;

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
import news.masthead.common.http.Cacheable;
import news.masthead.section.SectionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Content: sections", description = "The section tree, public and cacheable.")
public class ContentSectionResource {
    private final SectionService service;
    private final Cacheable cacheable;

    public ContentSectionResource(SectionService service, Cacheable cacheable) {
        this.service = service;
        this.cacheable = cacheable;
    }

    @GET
    @Operation(operationId = "listSections", summary = "List every section in display order",
            description = "Depth-first: each section is followed by its subsections; siblings by position, then name.")
    @APIResponse(responseCode = "200", description = "The whole section tree.",
            content = @Content(schema = @Schema(implementation = SectionList.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response list(@Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, service::tree);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getSection", summary = "Get a section by slug")
    @APIResponse(responseCode = "200", description = "The section.",
            content = @Content(schema = @Schema(implementation = SectionResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, () -> service.getPublic(slug));
    }
}
