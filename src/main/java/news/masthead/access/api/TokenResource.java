package news.masthead.access.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.access.TokenService;
import news.masthead.common.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: tokens", description = "API tokens: roles, desk limits, expiry, revocation.")
@SecurityRequirement(name = "bearer")
public class TokenResource {
    private final TokenService service;

    public TokenResource(TokenService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Issue a token; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The token with its secret.",
            content = @Content(schema = @Schema(implementation = TokenCreated.class)))
    public Response create(@Valid @NotNull TokenCreate body) {
        TokenCreated created = service.create(body);
        return Response.created(URI.create("/api/v1/admin/tokens/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List tokens, newest first, never with secrets")
    @APIResponse(responseCode = "200", description = "A page of tokens.",
            content = @Content(schema = @Schema(implementation = TokenPage.class)))
    public Page<TokenResponse> list(@Parameter(description = "Page size, 1 to 100.") @QueryParam("limit") String limit,
                                    @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(limit, cursor);
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
    public TokenResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token; it is refused from its next request")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("id") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }
}
