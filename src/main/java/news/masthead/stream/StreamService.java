package news.masthead.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.ArticlePreviews;
import news.masthead.common.error.InvalidException;

/** Joining the public stream or the preview stream. */
@ApplicationScoped
public class StreamService {
    private final StreamHub hub;
    private final StreamLog log;
    private final ArticlePreviews previews;

    StreamService(StreamHub hub, StreamLog log, ArticlePreviews previews) {
        this.hub = hub;
        this.log = log;
        this.previews = previews;
    }

    /** Public events only, of the section {@code section} (with its subsections) if given. */
    public void subscribe(String section, String lastEventId, Subscription.Sink sink) {
        hub.subscribe(new Subscription(sections(section), null, sink), Optional.ofNullable(lastEventId));
    }

    /** Public events and drafts' changes, within what the calling token may preview. */
    public void subscribePreview(String section, String lastEventId, Subscription.Sink sink) {
        hub.subscribe(new Subscription(sections(section), previews.callerScope(), sink), Optional.ofNullable(lastEventId));
    }

    private Set<UUID> sections(String section) {
        if (section == null) {
            return null;
        }
        if (section.isBlank() || section.length() > 200) {
            throw new InvalidException("section", "must be a section's slug");
        }
        return log.sectionTree(section.strip())
                .orElseThrow(() -> new InvalidException("section", "no section has this slug"));
    }
}
