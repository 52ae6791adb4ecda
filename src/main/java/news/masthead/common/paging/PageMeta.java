package news.masthead.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PageMeta(
        @Schema(example = "20", minimum = "1", maximum = "" + PageRequest.MAX_LIMIT) int limit,
        @Schema(description = "Pass as cursor for the next page; null on the last page.", nullable = true, maxLength = 512)
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
