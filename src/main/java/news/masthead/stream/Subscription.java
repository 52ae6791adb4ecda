package news.masthead.stream;

import java.util.Set;
import java.util.UUID;
import news.masthead.article.PreviewScope;

/**
 * One connected subscriber: what it may hear and where its events go.
 *
 * @param sections the {@code section} filter (the section and its subsections), or null for all
 * @param preview  the caller's preview scope on the preview stream (drafts included), or null on the
 *                 public stream, which carries public events only
 */
public record Subscription(Set<UUID> sections, PreviewScope preview, Sink sink) {

    /** Where frames are written; the adapter of the HTTP connection. */
    public interface Sink {
        /**
         * Sends the response head, on the thread that serves the request, before the sink is shared:
         * from then on only events and comments are written, from whichever thread.
         */
        void open();

        /** Sends one event; false when the connection is gone and the subscription should end. */
        boolean send(String event, String id, String data);

        /** Sends a comment line that keeps proxies from closing a quiet connection; false when gone. */
        boolean keepAlive();
    }

    /** Whether this subscriber may hear of {@code e}; nothing that is not public reaches the public stream. */
    public boolean hears(StreamEvent e) {
        if (preview == null ? !e.publicEvent() : !preview.admits(e.articleId(), e.sectionId(), e.ownerTokenId())) {
            return false;
        }
        return sections == null || e.sectionId() != null && sections.contains(e.sectionId());
    }
}
