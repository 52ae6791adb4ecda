package news.masthead.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminArticle", description = "An article in any status, with its workflow and audit fields.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminArticleResponse(
        UUID id,
        String slug,
        String headline,
        String summary,
        SectionRef section,
        List<AuthorRef> authors,
        List<String> tags,
        List<Block> body,
        @Schema(description = "Id of the article's copyright notice.") UUID copyrightNotice,
        CopyrightView copyright,
        Instant publishedAt,
        Instant updatedAt,
        List<PublicUpdate> updates,
        @Schema(enumeration = {"draft", "scheduled", "published", "unpublished", "trashed"}) String status,
        @Schema(description = "Increases with every accepted change; the ETag is this number in quotes.") int revision,
        Instant createdAt,
        String createdBy,
        Instant modifiedAt,
        String modifiedBy,
        @Schema(description = "When a scheduled or embargoed article becomes public; null otherwise.") Instant scheduledAt,
        @Schema(description = "The embargo: the public may not see the story before it.") Instant embargoedUntil) {
}
