package news.masthead.syndication.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.common.paging.Page;
import news.masthead.syndication.SyndicationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/syndication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Syndication", description = "Full articles for partners, filtered by rights inside every query.")
@SecurityRequirement(name = "bearer")
public class SyndicationResource {
    private final SyndicationService service;

    public SyndicationResource(SyndicationService service) {
        this.service = service;
    }

    @GET
    @Path("/articles")
    @Operation(operationId = "listSyndicatedArticles", summary = "List the articles this partner may receive, newest first")
    @APIResponse(responseCode = "200", description = "A page of full articles.",
            content = @Content(schema = @Schema(implementation = SyndicatedArticlePage.class)))
    public Page<SyndicatedArticle> list(@Parameter(description = "Page size, 1 to 100.") @QueryParam("limit") String limit,
                                        @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(limit, cursor);
    }

    @GET
    @Path("/articles/{id}")
    @Operation(operationId = "getSyndicatedArticle", summary = "Get one article this partner may receive")
    @APIResponse(responseCode = "200", description = "The article.", content = @Content(schema = @Schema(implementation = SyndicatedArticle.class)))
    public SyndicatedArticle get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listSyndicationChanges", summary = "Changes since the cursor, in commit order",
            description = "Upserts carry the article as the partner may now show it; removals say why it must go. "
                    + "Follow nextCursor (never null) to stay in sync; without a cursor the feed starts at the beginning.")
    @APIResponse(responseCode = "200", description = "A page of changes.", content = @Content(schema = @Schema(implementation = ChangePage.class)))
    public ChangePage changes(@Parameter(description = "Page size, 1 to 100.") @QueryParam("limit") String limit,
                              @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.changes(limit, cursor);
    }
}
