package news.masthead.stream.api;

import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import news.masthead.stream.StreamService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public event stream: what changed in the Content API, as it commits, on any instance. */
@Path("/api/v1/stream")
@Tag(name = "Live", description = "Server-sent events for live pages: one event per public change within a second of "
        + "its commit, resumable for ten minutes.")
public class StreamResource {
    static final String EVENTS = "`event:` is `article.published`, `article.updated`, `article.removed` (or "
            + "`liveblog.entry`, a liveblog's entry added, changed or removed); `data:` is JSON `{\"id\", \"slug\", "
            + "\"section\", \"at\"}` (plus `\"entry\"`, the entry's id, for `liveblog.entry`); `id:` an opaque position to "
            + "send back as `Last-Event-ID`. A comment line every 15 s keeps proxies open. A `Last-Event-ID` older than "
            + "10 minutes (or unknown) starts the stream with `event: reset`: reload, then follow.";
    static final String SECTION = "Only events of articles in this section (slug) or its subsections.";
    static final String LAST_EVENT_ID = "The `id:` of the last event received: the stream resumes after it.";
    private final StreamService service;

    public StreamResource(StreamService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents", summary = "Follow public changes (server-sent events)",
            description = "Public changes only: a draft, a scheduled article before its instant, or anything else the "
                    + "Content API does not show is never sent, not even its id. A scheduled article is announced "
                    + "(`article.published`) when it turns public. " + EVENTS)
    @APIResponse(responseCode = "200", description = "An endless `text/event-stream`.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1_000_000)))
    public void stream(@Parameter(description = SECTION, schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                       @QueryParam("section") String section,
                       @Parameter(description = LAST_EVENT_ID, schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        service.subscribe(section, lastEventId, new SseSink(sink, sse, response, false));
    }
}
