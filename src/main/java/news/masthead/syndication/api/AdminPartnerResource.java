package news.masthead.syndication.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.common.http.Created;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import news.masthead.syndication.PartnerService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(AdminPartnerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: partners", description = "Syndication partners and the sections they may receive.")
@SecurityRequirement(name = "bearer")
public class AdminPartnerResource {
    static final String PATH = "/api/v1/admin/partners";
    /** A 400 this resource answers beyond what its schema states. */
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also sections naming no section.";

    private final PartnerService service;

    public AdminPartnerResource(PartnerService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Create a syndication partner")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public Response create(@Valid @NotNull PartnerWrite body) {
        PartnerResponse created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @Operation(operationId = "listPartners", summary = "List partners, newest first")
    @APIResponse(responseCode = "200", description = "A page of partners.", content = @Content(schema = @Schema(implementation = PartnerPage.class)))
    public Page<PartnerResponse> list(@BeanParam PageParams page) {
        return service.list(page.limit, page.cursor);
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
    @APIResponse(responseCode = "400", description = INVALID)
    public PartnerResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePartner", summary = "Delete a partner and revoke its tokens")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
