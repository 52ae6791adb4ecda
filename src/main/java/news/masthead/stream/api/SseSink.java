package news.masthead.stream.api;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import news.masthead.stream.Subscription;

/**
 * A subscriber's connection as the stream writes to it: events and keep-alive comments, never blocking.
 *
 * <p>The response head is written by {@link #open()}, on the request's thread, before the stream's
 * own thread ever holds this sink. Left to Quarkus REST, the head goes out when the resource method
 * has returned ({@code SseEventSinkImpl.sendInitialResponse}) or with the first event sent
 * ({@code SseUtil.send}); both test {@code headWritten()} and then set the status and headers
 * without a lock, so the stream's first write (the join comment) racing the request thread's made
 * one of them fail with "Response head already sent": when the request's thread lost, the request
 * failed after its head had gone out and the subscriber, already live, heard nothing more (4 in
 * 10,000 in the benchmark); when the stream's lost, the subscriber was sent a needless
 * {@code event: reset}.
 * Once the head is out both skip it, and every later write is a body write, which Vert.x orders.
 */
final class SseSink implements Subscription.Sink {
    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private final boolean preview;

    SseSink(SseEventSink sink, Sse sse, HttpServerResponse response, boolean preview) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
        this.preview = preview;
    }

    @Override
    public void open() {
        StreamHeaders.set(response, preview);
        // What Quarkus REST would set (SseUtil.setHeaders), sent now so that it never sends it.
        response.setStatusCode(200);
        response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.SERVER_SENT_EVENTS);
        response.setChunked(true);
        response.writeHead();
    }

    @Override
    public boolean send(String event, String id, String data) {
        OutboundSseEvent.Builder b = sse.newEventBuilder().name(event).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, data);
        if (id != null) {
            b.id(id);
        }
        return send(b.build());
    }

    @Override
    public boolean keepAlive() {
        return send(sse.newEventBuilder().comment("keep-alive").build());
    }

    private boolean send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(event).exceptionally(failure -> {
                sink.close();
                return null;
            });
        } catch (IllegalStateException closedMeanwhile) {
            // The client left between isClosed() and send(): this subscriber ends, the others go on.
            return false;
        }
        return true;
    }
}
