package news.masthead.stream;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the stream's log as the dispatcher reads it.
 *
 * @param publicEvent whether anyone may hear of it (the public stream carries only these)
 * @param section     the article's section slug at the time of reading, or null
 * @param entryId     the liveblog entry of a {@code liveblog.entry}, null otherwise
 */
public record StreamEvent(Position position, String kind, boolean publicEvent, UUID articleId, String slug, String section,
                          UUID sectionId, UUID ownerTokenId, Instant at, UUID entryId) {
}
