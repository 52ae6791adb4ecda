package news.masthead.article.api;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.access.api.TokenCreate;
import news.masthead.article.body.Block;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminArticle", description = "An article in any status, with its workflow and audit fields.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminArticleResponse(
        UUID id,
        @Schema(maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(maxLength = ArticleWrite.HEADLINE_MAX) String headline,
        @Schema(maxLength = ArticleWrite.SUMMARY_MAX) @Nullable String summary,
        @Nullable SectionRef section,
        @Schema(maxItems = ArticleWrite.AUTHORS_MAX) List<AuthorRef> authors,
        @Schema(maxItems = ArticleWrite.TAGS_MAX) List<@Size(max = ArticleWrite.TAG_MAX_LENGTH) String> tags,
        @Schema(maxItems = ArticleWrite.BODY_MAX) List<Block> body,
        @Schema(description = "Id of the article's copyright notice.") @Nullable UUID copyrightNotice,
        @Nullable CopyrightView copyright,
        @Nullable Instant publishedAt,
        @Nullable Instant updatedAt,
        List<PublicUpdate> updates,
        @Schema(enumeration = {"draft", "scheduled", "published", "unpublished", "trashed", "killed"}) String status,
        @Schema(description = "Increases with every accepted change; the ETag is this number in quotes.", minimum = "1", maximum = "2147483647") int revision,
        @Nullable Instant createdAt,
        @Schema(description = "Name of the token that created it.", maxLength = TokenCreate.NAME_MAX) @Nullable String createdBy,
        @Nullable Instant modifiedAt,
        @Schema(description = "Name of the token that changed it last.", maxLength = TokenCreate.NAME_MAX) @Nullable String modifiedBy,
        @Schema(description = "When a scheduled or embargoed article becomes public; null otherwise.") @Nullable Instant scheduledAt,
        @Schema(description = "The embargo: the public may not see the story before it.") @Nullable Instant embargoedUntil,
        @Schema(description = "While the article is killed: when, by whom and why; null otherwise (the revisions keep "
                + "past kills).", nullable = true) KillView killed,
        @Schema(description = ArticleResponse.KIND_DOC, enumeration = {"story", "liveblog"}) String kind,
        @Schema(description = ArticleResponse.LIVE_DOC) boolean live,
        @Schema(description = "Null when the article has none.", nullable = true) LeadImage leadImage,
        @Schema(description = "Null when the article has none.", nullable = true) Headlines headlines) {
}
