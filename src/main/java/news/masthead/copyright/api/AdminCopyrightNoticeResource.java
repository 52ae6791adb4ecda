package news.masthead.copyright.api;

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
import news.masthead.copyright.CopyrightNoticeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(AdminCopyrightNoticeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: copyright notices", description = "Rights statements for articles, and which one is the default.")
@SecurityRequirement(name = "bearer")
public class AdminCopyrightNoticeResource {
    static final String PATH = "/api/v1/admin/copyright-notices";
    /** A 400 this resource answers beyond what its schema states. */
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also partners naming a partner that does not exist.";

    private final CopyrightNoticeService service;

    public AdminCopyrightNoticeResource(CopyrightNoticeService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "createCopyrightNotice", summary = "Create a copyright notice",
            description = "With isDefault true it becomes the default; the previous default stops being it.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(schema = @Schema(implementation = CopyrightNoticeResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public Response create(@Valid @NotNull CopyrightNoticeWrite body) {
        CopyrightNoticeResponse created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "listCopyrightNotices", summary = "List copyright notices, newest created first")
    @APIResponse(responseCode = "200", description = "A page of copyright notices.",
            content = @Content(schema = @Schema(implementation = CopyrightNoticePage.class)))
    public Page<CopyrightNoticeResponse> list(@BeanParam PageParams page) {
        return service.list(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "getCopyrightNotice", summary = "Get a copyright notice")
    @APIResponse(responseCode = "200", description = "The copyright notice.",
            content = @Content(schema = @Schema(implementation = CopyrightNoticeResponse.class)))
    public CopyrightNoticeResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchCopyrightNotice", summary = "Edit a copyright notice (JSON Merge Patch)",
            description = "Members set to null are cleared. isDefault true moves the default here; "
                    + "false on the default leaves no notice the default.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CopyrightNoticePatch.class)))
    @APIResponse(responseCode = "200", description = "The copyright notice as changed.",
            content = @Content(schema = @Schema(implementation = CopyrightNoticeResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public CopyrightNoticeResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "deleteCopyrightNotice", summary = "Delete a copyright notice no article carries")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "An article (in any status) still carries the notice.")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
