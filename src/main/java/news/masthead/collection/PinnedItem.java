package news.masthead.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One pinned item as stored in {@code collection.items}: the article and the overrides. Its own
 * type, so an API change cannot change what is stored; the NDJSON export carries it as stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PinnedItem(UUID article, String headline, String summary) {
}
