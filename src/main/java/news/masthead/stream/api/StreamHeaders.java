package news.masthead.stream.api;

import io.vertx.core.http.HttpServerResponse;

/** A stream is one client's: no cache keeps it, and no proxy buffers it (nginx reads X-Accel-Buffering). */
final class StreamHeaders {
    private StreamHeaders() {
    }

    static void set(HttpServerResponse response, boolean preview) {
        response.putHeader("Cache-Control", preview ? "private, no-store" : "no-store");
        response.putHeader("X-Accel-Buffering", "no");
        if (preview) {
            response.putHeader("X-Robots-Tag", "noindex");
        }
    }
}
