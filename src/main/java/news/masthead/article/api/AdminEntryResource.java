package news.masthead.article.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.article.LiveblogService;
import news.masthead.common.http.Created;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A liveblog's entries. Who may write them is who may write the article: a desk token within its
 * sections, a writer only on its own unpublished liveblog (as for any article edit).
 */
@Path("/api/v1/admin/articles/{id}/entries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
@Tag(name = "Admin: articles")
@SecurityRequirement(name = "bearer")
public class AdminEntryResource {
    private static final String WRITES = " Each entry write is a change of the article: it moves the article's "
            + "`updatedAt` once the article has been published (no `updates` note), and goes out as an article "
            + "update (webhooks, partners, caches) and as `liveblog.entry` on the event stream. It is not a "
            + "revision of the article: the article's revision, ETag and history stay, so an editor's `If-Match` "
            + "on the running story holds while entries are posted. A writer may write "
            + "entries only of its own unpublished liveblog, as it may edit only such articles.";

    private final LiveblogService service;

    public AdminEntryResource(LiveblogService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLiveblogEntry", summary = "Post an entry to a liveblog",
            description = "Published at once; public while the article is. Pinning it unpins the liveblog's pinned "
                    + "entry, if any: at most one entry is pinned." + WRITES)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntryWrite.class)))
    @APIResponse(responseCode = "201", description = "Posted; Location names it.",
            content = @Content(schema = @Schema(implementation = EntryResponse.class)))
    @APIResponse(responseCode = "409", description = "The article is a story, has ended (`live` is false), or is "
            + "in the trash or killed; or it changed while the entry was being written (nothing was kept: send the "
            + "entry again).")
    public Response create(@PathParam("id") UUID id, JsonNode body) {
        EntryResponse created = service.create(id, body);
        return Created.at("/api/v1/admin/articles/" + id + "/entries", created.id(), created);
    }

    @PATCH
    @Path("/{entryId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchLiveblogEntry", summary = "Edit a liveblog entry (JSON Merge Patch)",
            description = "Also after the liveblog has ended. Its `updatedAt` moves; id and `publishedAt` stay. A "
                    + "patch that changes nothing is no write." + WRITES)
    @RequestBody(content = @Content(schema = @Schema(implementation = EntryPatch.class)))
    @APIResponse(responseCode = "200", description = "The entry as changed.",
            content = @Content(schema = @Schema(implementation = EntryResponse.class)))
    @APIResponse(responseCode = "409", description = "The article is a story, or in the trash or killed.")
    public EntryResponse patch(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId, JsonNode body) {
        return service.patch(id, entryId, body);
    }

    @DELETE
    @Path("/{entryId}")
    @Operation(operationId = "deleteLiveblogEntry", summary = "Remove a liveblog entry", description = "For good." + WRITES)
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "409", description = "The article is a story, or in the trash or killed.")
    public Response delete(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        service.delete(id, entryId);
        return Response.noContent().build();
    }
}
