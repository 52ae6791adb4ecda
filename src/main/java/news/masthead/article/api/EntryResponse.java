package news.masthead.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LiveblogEntry", description = "One entry of a liveblog.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EntryResponse(
        @Schema(description = "Stable for the entry's life.") UUID id,
        @Schema(description = "When it was posted.") Instant publishedAt,
        @Schema(description = "When it last changed; publishedAt until then.") Instant updatedAt,
        @Schema(maxLength = ArticleWrite.HEADLINE_MAX, nullable = true) String headline,
        @Schema(maxItems = EntryWrite.BODY_MAX) List<Block> body,
        @Schema(maxItems = ArticleWrite.AUTHORS_MAX) List<AuthorRef> authors,
        boolean keyEvent,
        @Schema(description = "At most one entry of a liveblog is pinned.") boolean pinned) {
}
