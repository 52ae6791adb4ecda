package news.masthead.article.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.article.ArticleReader;
import news.masthead.article.ArticleService;
import news.masthead.common.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: articles", description = "Write, edit and trash articles; every status is visible here.")
@SecurityRequirement(name = "bearer")
public class AdminArticleResource {
    static final String IF_MATCH_DOC = "The ETag of the revision this write is based on, such as \"3\".";

    private final ArticleService service;
    private final ArticleReader reader;

    public AdminArticleResource(ArticleService service, ArticleReader reader) {
        this.service = service;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "createArticle", summary = "Create an article as a draft")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response create(@Valid @NotNull ArticleWrite body) {
        AdminArticleResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/admin/articles/" + created.id()))
                .entity(created).header(HttpHeaders.ETAG, ArticleEtags.etag(created)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "listAdminArticles", summary = "List articles in every status, newest created first")
    @APIResponse(responseCode = "200", description = "A page of articles.",
            content = @Content(schema = @Schema(implementation = AdminArticlePage.class)))
    public Page<AdminArticleResponse> list(@BeanParam ArticleFilters filters,
                                           @Parameter(description = "draft, scheduled, published, unpublished, trashed or killed")
                                           @QueryParam("status") String status) {
        return reader.listAdmin(filters, status);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "getAdminArticle", summary = "Get an article in any status")
    @APIResponse(responseCode = "200", description = "The article; ETag is its revision.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        return ArticleEtags.ok(reader.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @Operation(operationId = "patchArticle", summary = "Edit an article (JSON Merge Patch)",
            description = "Members set to null are cleared. With updateNote (and updateKind) the change is a public update: "
                    + "updatedAt moves and the note joins updates. Without it, a change is a silent fix.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticlePatch.class)))
    @APIResponse(responseCode = "200", description = "The article as changed; ETag is its new revision.",
            content = @Content(schema = @Schema(implementation = AdminArticleResponse.class)))
    public Response patch(@PathParam("id") UUID id,
                          @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                          JsonNode body) {
        return ArticleEtags.ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "trashArticle", summary = "Move an article to the trash")
    @APIResponse(responseCode = "204", description = "Trashed; restore brings it back as a draft.")
    public Response trash(@PathParam("id") UUID id,
                          @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.trash(id, ifMatch);
        return Response.noContent().build();
    }
}
