package news.masthead.article.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.masthead.access.Roles;
import news.masthead.article.DocumentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/article-documents")
@Produces(MediaType.APPLICATION_JSON)
// Every desk's articles at once: an admin of no desk, as for partners and webhooks.
@RolesAllowed(Roles.MANAGE_ACCESS)
@Tag(name = "Admin: article documents", description = "Each published article's public JSON is rendered when it, or "
        + "an author, section or notice it shows, is written, and the Content API answers with those bytes. A change "
        + "shown by many articles renders them through a queue, drained in the background.")
@SecurityRequirement(name = "bearer")
public class AdminDocumentResource {
    private final DocumentService service;

    public AdminDocumentResource(DocumentService service) {
        this.service = service;
    }

    @POST
    @Path("/render")
    @Operation(operationId = "renderAllArticleDocuments", summary = "Render every published article's documents again",
            description = "The repair path: queues every published article; the queue renders them in the background "
                    + "(thousands per second) and purges the answers whose bytes changed. Reads go on meanwhile.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(schema = @Schema(implementation = RenderQueueState.class)))
    public Response renderAll() {
        return Response.accepted(service.renderAll()).build();
    }

    @GET
    @Operation(operationId = "getArticleDocumentQueue", summary = "How many articles wait to be rendered")
    @APIResponse(responseCode = "200", description = "The queue.",
            content = @Content(schema = @Schema(implementation = RenderQueueState.class)))
    public RenderQueueState state() {
        return service.state();
    }
}
