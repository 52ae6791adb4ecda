package news.masthead.author.api;

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
import news.masthead.author.AuthorService;
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

@Path(AdminAuthorResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: authors", description = "The people on bylines, with their private contact details.")
@SecurityRequirement(name = "bearer")
public class AdminAuthorResource {
    static final String PATH = "/api/v1/admin/authors";

    private final AuthorService service;

    public AdminAuthorResource(AuthorService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "createAuthor", summary = "Create an author")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(schema = @Schema(implementation = AdminAuthorResponse.class)))
    public Response create(@Valid @NotNull AuthorWrite body) {
        AdminAuthorResponse created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "listAdminAuthors", summary = "List authors by slug")
    @APIResponse(responseCode = "200", description = "A page of authors.",
            content = @Content(schema = @Schema(implementation = AdminAuthorPage.class)))
    public Page<AdminAuthorResponse> list(@BeanParam PageParams page) {
        return service.listAdmin(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "getAdminAuthor", summary = "Get an author")
    @APIResponse(responseCode = "200", description = "The author.",
            content = @Content(schema = @Schema(implementation = AdminAuthorResponse.class)))
    public AdminAuthorResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchAuthor", summary = "Edit an author (JSON Merge Patch)",
            description = "Members set to null are cleared; a null slug is derived again from the name.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AuthorPatch.class)))
    @APIResponse(responseCode = "200", description = "The author as changed.",
            content = @Content(schema = @Schema(implementation = AdminAuthorResponse.class)))
    public AdminAuthorResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "deleteAuthor", summary = "Delete an author no article names")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "An article (in any status) still has the author on its byline.")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
