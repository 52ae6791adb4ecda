package news.masthead.webhook.api;

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
import news.masthead.common.http.Created;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import news.masthead.webhook.WebhookService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(AdminWebhookResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: webhooks", description = "Signed POSTs to your URLs when articles are published, updated, "
        + "unpublished or trashed. Each delivery carries X-Masthead-Event, X-Masthead-Delivery (the same on every "
        + "retry of one event), X-Masthead-Timestamp (unix seconds) and X-Masthead-Signature: sha256=<hex "
        + "HMAC-SHA256 of \"<timestamp>.<body>\" with the secret>. The body is {\"id\", \"type\", \"at\", "
        + "\"article\": {\"id\", \"slug\", \"revision\", \"status\"}}, identical on every retry. A 2xx answer "
        + "within 10 s delivers; anything else (redirects included) is retried with exponential backoff. A "
        + "scheduled article's article.published is sent when it goes public, and not at all if the schedule is "
        + "cancelled first. Delivery is at least once and unordered: deduplicate by X-Masthead-Delivery, order by "
        + "`at` and `revision`.")
@SecurityRequirement(name = "bearer")
public class AdminWebhookResource {
    static final String PATH = "/api/v1/admin/webhooks";
    /** A 400 this resource answers beyond what its schema states. */
    private static final String INVALID = "Invalid input, the problem naming each field at fault; also a url that may not be called (not http(s), or resolving to a private address) and unknown event types.";

    private final WebhookService service;

    public AdminWebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to article events",
            description = "Without a `secret`, one is generated and returned in this answer only.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public Response create(@Valid @NotNull WebhookWrite body) {
        WebhookCreated created = service.create(body);
        return Created.at(PATH, created.id(), created);
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks, newest first, never with secrets")
    @APIResponse(responseCode = "200", description = "A page of webhooks.",
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    public Page<WebhookResponse> list(@BeanParam PageParams page) {
        return service.list(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook, without its secret")
    @APIResponse(responseCode = "200", description = "The webhook.",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public WebhookResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchWebhook", summary = "Edit a webhook or rotate its secret (JSON Merge Patch)",
            description = "Events already queued go to the new URL and are signed with the new secret.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookPatch.class)))
    @APIResponse(responseCode = "200", description = "The webhook as changed.",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    public WebhookResponse patch(@PathParam("id") UUID id, JsonNode body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook with its queued events and delivery log")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The webhook's delivery log: one row per attempt, newest first")
    @APIResponse(responseCode = "200", description = "A page of delivery attempts.",
            content = @Content(schema = @Schema(implementation = DeliveryAttemptPage.class)))
    public Page<DeliveryAttemptResponse> deliveries(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.deliveries(id, page.limit, page.cursor);
    }
}
