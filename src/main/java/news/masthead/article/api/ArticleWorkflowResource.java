package news.masthead.article.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.article.ArticleService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: articles")
@SecurityRequirement(name = "bearer")
public class ArticleWorkflowResource {
    private final ArticleService service;

    public ArticleWorkflowResource(ArticleService service) {
        this.service = service;
    }

    @POST
    @Path("/publish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "publishArticle", summary = "Publish now, or schedule with a future `at`")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = PublishRequest.class)))
    @APIResponse(responseCode = "200", description = "Published or scheduled.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response publish(@PathParam("id") UUID id,
                            @Parameter(description = AdminArticleResource.IF_MATCH_DOC, required = true)
                            @HeaderParam("If-Match") String ifMatch,
                            PublishRequest body) {
        return ArticleEtags.ok(service.publish(id, ifMatch, body));
    }

    @POST
    @Path("/unpublish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "unpublishArticle", summary = "Take a published article out of public view, or cancel a schedule")
    @APIResponse(responseCode = "200", description = "Unpublished (or back to draft when it was only scheduled).",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response unpublish(@PathParam("id") UUID id,
                              @Parameter(description = AdminArticleResource.IF_MATCH_DOC, required = true)
                              @HeaderParam("If-Match") String ifMatch) {
        return ArticleEtags.ok(service.unpublish(id, ifMatch));
    }

    @POST
    @Path("/kill")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "killArticle", summary = "Kill an article: a legal takedown from every channel",
            description = "The article becomes `killed`: its slug and every old slug answer 410 in the Content API; it "
                    + "leaves every list, search, feed and stream; partners that received it get a removal with reason "
                    + "`killed` (and a `canceled` ninjs document by id); webhooks get `article.killed`; the CDN is "
                    + "purged. It cannot be published again: only an admin may restore it, as a draft. Its revisions are "
                    + "kept, and the reason, time and who did it are on the admin article.")
    @APIResponse(responseCode = "200", description = "Killed.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response kill(@PathParam("id") UUID id,
                         @Parameter(description = AdminArticleResource.IF_MATCH_DOC, required = true)
                         @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull KillRequest body) {
        return ArticleEtags.ok(service.kill(id, ifMatch, body));
    }

    @POST
    @Path("/restore")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "restoreArticle", summary = "Bring an article back from the trash, or from a kill, as a draft",
            description = "Editors and admins restore from the trash; only an admin may restore a killed article (403 "
                    + "otherwise).")
    @APIResponse(responseCode = "200", description = "Restored as a draft.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response restore(@PathParam("id") UUID id,
                            @Parameter(description = AdminArticleResource.IF_MATCH_DOC, required = true)
                            @HeaderParam("If-Match") String ifMatch) {
        return ArticleEtags.ok(service.restore(id, ifMatch));
    }
}
