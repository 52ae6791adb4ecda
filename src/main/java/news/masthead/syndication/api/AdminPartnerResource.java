package news.masthead.syndication.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import news.masthead.syndication.PartnerService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: partners", description = "Syndication partners and the sections they may receive.")
@SecurityRequirement(name = "bearer")
public class AdminPartnerResource {
    private final PartnerService service;

    public AdminPartnerResource(PartnerService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Create a syndication partner")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    public Response create(@Valid @NotNull PartnerWrite body) {
        PartnerResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/admin/partners/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listPartners", summary = "List partners, newest first")
    @APIResponse(responseCode = "200", description = "A page of partners.", content = @Content(schema = @Schema(implementation = PartnerPage.class)))
    public Page<PartnerResponse> list(@Parameter(description = "Page size, 1 to 100.") @QueryParam("limit") String limit,
                                      @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartner", summary = "Get a partner")
    @APIResponse(responseCode = "200", description = "The partner.", content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    public PartnerResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchPartner", summary = "Change a partner's name, sections or embargo rights")
    @RequestBody(content = @Content(schema = @Schema(implementation = PartnerWrite.class)))
    @APIResponse(responseCode = "200", description = "The partner as changed.", content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    public PartnerResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePartner", summary = "Delete a partner and revoke its tokens")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
