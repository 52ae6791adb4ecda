package news.masthead.preview.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.common.paging.Page;
import news.masthead.preview.PreviewLinkService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Preview links of one article: editors and admins in their sections, writers for their own articles. */
@Path("/api/v1/admin/articles/{id}/preview-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: preview links", description = "Links that open one article's preview without an Admin API token.")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
public class AdminPreviewLinkResource {
    private final PreviewLinkService service;

    public AdminPreviewLinkResource(PreviewLinkService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPreviewLink", summary = "Make a preview link for this article",
            description = "The answer shows the link's secret (`token`) this once. Editors and admins (a desk token in "
                    + "its sections); a writer only for an article its token created. An article in the trash takes "
                    + "no link (409).")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = PreviewLinkWrite.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(schema = @Schema(implementation = PreviewLinkCreated.class)))
    public Response create(@PathParam("id") UUID id, @Valid PreviewLinkWrite body) {
        PreviewLinkCreated created = service.create(id, body);
        return Response.created(URI.create("/api/v1/admin/articles/" + id + "/preview-links/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listPreviewLinks", summary = "List this article's live preview links, newest first")
    @APIResponse(responseCode = "200", description = "A page of links (without their secrets).",
            content = @Content(schema = @Schema(implementation = PreviewLinkPage.class)))
    public Page<PreviewLinkResponse> list(@PathParam("id") UUID id,
                                          @Parameter(description = "Page size, 1 to 100.") @QueryParam("limit") String limit,
                                          @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(id, limit, cursor);
    }

    @GET
    @Path("/{linkId}")
    @Operation(operationId = "getPreviewLink", summary = "Get one live preview link (without its secret)")
    @APIResponse(responseCode = "200", description = "The link.",
            content = @Content(schema = @Schema(implementation = PreviewLinkResponse.class)))
    public PreviewLinkResponse get(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        return service.get(id, linkId);
    }

    @DELETE
    @Path("/{linkId}")
    @Operation(operationId = "revokePreviewLink", summary = "Revoke a preview link: it stops working at once")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        service.revoke(id, linkId);
        return Response.noContent().build();
    }
}
