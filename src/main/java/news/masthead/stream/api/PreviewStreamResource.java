package news.masthead.stream.api;

import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import news.masthead.access.Roles;
import news.masthead.stream.StreamService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event stream for live preview: the public events plus every change of a draft, within the caller's scope. */
@Path("/api/v1/preview/stream")
@Tag(name = "Preview")
public class PreviewStreamResource {
    private final StreamService service;

    public PreviewStreamResource(StreamService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
    @SecurityRequirement(name = "preview")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamPreviewEvents", summary = "Follow every change, drafts included (server-sent events)",
            description = "The public stream's events plus `article.changed` for each write the public cannot see (a "
                    + "draft, a scheduled article), limited to what the token may preview: a desk token its sections, a "
                    + "writer its own articles. " + StreamResource.EVENTS)
    @APIResponse(responseCode = "200", description = "An endless `text/event-stream`.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1_000_000)))
    public void stream(@Parameter(description = StreamResource.SECTION, schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                       @QueryParam("section") String section,
                       @Parameter(description = StreamResource.LAST_EVENT_ID, schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        service.subscribePreview(section, lastEventId, new SseSink(sink, sse, response, true));
    }
}
