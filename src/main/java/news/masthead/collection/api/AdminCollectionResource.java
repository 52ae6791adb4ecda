package news.masthead.collection.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.collection.CollectionService;
import news.masthead.common.http.Created;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(AdminCollectionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: collections", description = "Curated collections (fronts): pinned articles, overrides and a fill.")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class AdminCollectionResource {
    static final String PATH = "/api/v1/admin/collections";
    private static final String IF_MATCH_DOC = "The ETag of the revision this write is based on, such as \"3\".";
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also an item naming "
            + "no article or an article twice, and a fill section that names no section.";
    private static final String DESK = "A token limited to sections: collections are shared by every desk.";

    private final CollectionService service;

    public AdminCollectionResource(CollectionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.MANAGE_SHARED)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCollection", summary = "Create a collection")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it.",
            content = @Content(schema = @Schema(implementation = AdminCollectionResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "403", description = DESK)
    public Response create(@Valid @NotNull CollectionWrite body) {
        AdminCollectionResponse created = service.create(body);
        return Response.fromResponse(Created.at(PATH, created.id(), created)).header(HttpHeaders.ETAG, etag(created)).build();
    }

    @GET
    @Operation(operationId = "listCollections", summary = "List collections by slug")
    @APIResponse(responseCode = "200", description = "A page of collections.",
            content = @Content(schema = @Schema(implementation = AdminCollectionPage.class)))
    public Page<AdminCollectionResponse> list(@BeanParam PageParams page) {
        return service.listAdmin(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCollection", summary = "Get a collection")
    @APIResponse(responseCode = "200", description = "The collection; ETag is its revision.",
            content = @Content(schema = @Schema(implementation = AdminCollectionResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PATCH
    @RolesAllowed(Roles.MANAGE_SHARED)
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchCollection", summary = "Edit a collection (JSON Merge Patch)",
            description = "Members set to null are cleared; items replaces the whole list. If-Match must name the current "
                    + "revision: a stale one is a 412, none a 428.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CollectionPatch.class)))
    @APIResponse(responseCode = "200", description = "The collection as changed; ETag is its new revision.",
            content = @Content(schema = @Schema(implementation = AdminCollectionResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "403", description = DESK)
    public Response patch(@PathParam("id") UUID id,
                          @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                          JsonNode body) {
        return ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @RolesAllowed(Roles.MANAGE_SHARED)
    @Path("/{id}")
    @Operation(operationId = "deleteCollection", summary = "Delete a collection",
            description = "If-Match is optional here; when sent it must name the current revision.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "403", description = DESK)
    public void delete(@PathParam("id") UUID id,
                       @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    private static Response ok(AdminCollectionResponse c) {
        return Response.ok(c).header(HttpHeaders.ETAG, etag(c)).build();
    }

    private static String etag(AdminCollectionResponse c) {
        return "\"" + c.revision() + "\"";
    }
}
