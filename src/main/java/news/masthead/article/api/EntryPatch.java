package news.masthead.article.api;

import java.util.List;
import news.masthead.article.body.Block;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The patch document of an entry, for the spec: the server reads it as a merge patch of {@link EntryWrite}. */
@Schema(name = "LiveblogEntryPatch", description = "Any subset of the entry's write fields; null clears headline and "
        + "authors, and sets keyEvent and pinned to false. body may not be null.")
public record EntryPatch(String headline, List<Block> body, List<String> authors, Boolean keyEvent, Boolean pinned) {
}
