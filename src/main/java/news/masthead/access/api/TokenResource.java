package news.masthead.access.api;

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
import news.masthead.access.TokenService;
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

@Path(TokenResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: tokens", description = "API tokens: roles, desk limits, expiry, revocation.")
@SecurityRequirement(name = "bearer")
public class TokenResource {
    static final String PATH = "/api/v1/admin/tokens";
    /** A 400 this resource answers beyond what its schema states. */
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also sections naming no section, an expiresAt already past, and a partner missing for role partner, given for another role or naming no partner.";

    private final TokenService service;

    public TokenResource(TokenService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Issue a token; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The token with its secret.",
            content = @Content(schema = @Schema(implementation = TokenCreated.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public Response create(@Valid @NotNull TokenCreate body) {
        TokenCreated created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List tokens, newest first, never with secrets")
    @APIResponse(responseCode = "200", description = "A page of tokens.",
            content = @Content(schema = @Schema(implementation = TokenPage.class)))
    public Page<TokenResponse> list(@BeanParam PageParams page) {
        return service.list(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getToken", summary = "Get a token, without its secret")
    @APIResponse(responseCode = "200", description = "The token.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    public TokenResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchToken", summary = "Rename a token, change its sections or expiry")
    @RequestBody(content = @Content(schema = @Schema(implementation = TokenUpdate.class)))
    @APIResponse(responseCode = "200", description = "The token as changed.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public TokenResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token; it is refused from its next request")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public void revoke(@PathParam("id") UUID id) {
        service.revoke(id);
    }
}
