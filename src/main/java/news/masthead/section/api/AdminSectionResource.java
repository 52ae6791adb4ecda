package news.masthead.section.api;

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
import news.masthead.section.SectionService;
import news.masthead.common.http.Created;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(AdminSectionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: sections", description = "The section tree: names, nesting and order.")
@SecurityRequirement(name = "bearer")
public class AdminSectionResource {
    static final String PATH = "/api/v1/admin/sections";
    /** A 400 this resource answers beyond what its schema states. */
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also a parent that names no section or lies below the section itself.";

    private final SectionService service;

    public AdminSectionResource(SectionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "createSection", summary = "Create a section")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(schema = @Schema(implementation = AdminSectionResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public Response create(@Valid @NotNull SectionWrite body) {
        AdminSectionResponse created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "listAdminSections", summary = "List sections by slug")
    @APIResponse(responseCode = "200", description = "A page of sections.",
            content = @Content(schema = @Schema(implementation = AdminSectionPage.class)))
    public Page<AdminSectionResponse> list(@BeanParam PageParams page) {
        return service.listAdmin(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "getAdminSection", summary = "Get a section")
    @APIResponse(responseCode = "200", description = "The section.",
            content = @Content(schema = @Schema(implementation = AdminSectionResponse.class)))
    public AdminSectionResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchSection", summary = "Edit a section (JSON Merge Patch)",
            description = "Members set to null are cleared: parent null makes it top-level; a null slug is derived again from the name.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SectionPatch.class)))
    @APIResponse(responseCode = "200", description = "The section as changed.",
            content = @Content(schema = @Schema(implementation = AdminSectionResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public AdminSectionResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "deleteSection", summary = "Delete a section without subsections or articles")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "The section has subsections, or articles (in any status) are filed in it.")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
