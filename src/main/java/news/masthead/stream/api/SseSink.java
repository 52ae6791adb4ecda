package news.masthead.stream.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import news.masthead.stream.Subscription;

/** A subscriber's connection as the stream writes to it: events and keep-alive comments, never blocking. */
final class SseSink implements Subscription.Sink {
    private final SseEventSink sink;
    private final Sse sse;

    SseSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
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
        sink.send(event).exceptionally(failure -> {
            sink.close();
            return null;
        });
        return true;
    }
}
