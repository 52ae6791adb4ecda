package news.masthead.article.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.article.RevisionService;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/articles/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: revisions", description = "Every accepted change of an article, and restoring one.")
@SecurityRequirement(name = "bearer")
public class RevisionResource {
    private final RevisionService service;

    public RevisionResource(RevisionService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "listRevisions", summary = "List an article's revisions, newest first")
    @APIResponse(responseCode = "200", description = "A page of revisions.",
            content = @Content(schema = @Schema(implementation = RevisionPage.class)))
    public Page<RevisionSummary> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.list(id, page.limit, page.cursor);
    }

    @GET
    @Path("/{n}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "getRevision", summary = "Get one revision with the article as it then was")
    @APIResponse(responseCode = "200", description = "The revision.",
            content = @Content(schema = @Schema(implementation = RevisionResponse.class)))
    public RevisionResponse get(@PathParam("id") UUID id, @PathParam("n") int n) {
        return service.get(id, n);
    }

    @POST
    @Path("/{n}/restore")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "restoreRevision", summary = "Write revision n's content as a new revision",
            description = "Validated as any write. The revision's section and authors are found by id and named "
                    + "as they are now: one renamed since is restored under its new slug (never whoever took its "
                    + "old one); one deleted since is a 400 on `section` or `authors`, and nothing is written.")
    @APIResponse(responseCode = "200", description = "The article with the restored content.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response restore(@PathParam("id") UUID id, @PathParam("n") int n,
                            @Parameter(description = AdminArticleResource.IF_MATCH_DOC, required = true)
                            @HeaderParam("If-Match") String ifMatch) {
        return ArticleEtags.ok(service.restore(id, n, ifMatch));
    }
}
