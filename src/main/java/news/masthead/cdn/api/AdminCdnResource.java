package news.masthead.cdn.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.masthead.access.Roles;
import news.masthead.cdn.CdnPurgeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/cdn")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@Tag(name = "Admin: CDN", description = "With MASTHEAD_PURGE_URL set, Masthead purges the CDN in front of the "
        + "Content API by surrogate key after every change, through a durable outbox (retried until the CDN "
        + "confirms). Here an editor can purge keys by hand.")
@SecurityRequirement(name = "bearer")
public class AdminCdnResource {
    private final CdnPurgeService service;

    public AdminCdnResource(CdnPurgeService service) {
        this.service = service;
    }

    @POST
    @Path("/purges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "purgeCdnKeys", summary = "Purge surrogate keys from the CDN",
            description = "Queues a purge of the keys, sent right after this request commits and retried with backoff "
                    + "until the CDN confirms it. 409 when no CDN is configured (MASTHEAD_PURGE_URL unset).")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(schema = @Schema(implementation = PurgeQueued.class)))
    public Response purge(@Valid @NotNull PurgeWrite body) {
        return Response.accepted(service.purge(body)).build();
    }
}
