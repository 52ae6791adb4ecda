package news.masthead.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import news.masthead.common.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a liveblog's entries: the list envelope, whose meta also carries the pinned entry. */
@Schema(name = "LiveblogEntryPage")
public record EntryPage(List<EntryResponse> data, Meta meta) {

    @Schema(name = "LiveblogEntryPageMeta")
    public record Meta(
            @Schema(example = "20", minimum = "1", maximum = "" + PageRequest.MAX_LIMIT) int limit,
            @Schema(description = "Pass as cursor for the next page; null on the last page.", nullable = true, maxLength = 512)
            @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
            @Schema(description = "The pinned entry, on every page and whatever the filter; null when none is pinned.",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.ALWAYS) EntryResponse pinned) {
    }
}
