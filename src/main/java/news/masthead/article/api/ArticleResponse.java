package news.masthead.article.api;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article", description = "A published article as readers see it.")
public record ArticleResponse(
        UUID id,
        @Schema(maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(maxLength = ArticleWrite.HEADLINE_MAX) String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(maxLength = ArticleWrite.SUMMARY_MAX) @Nullable String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable SectionRef section,
        @Schema(maxItems = ArticleWrite.AUTHORS_MAX) List<AuthorRef> authors,
        @Schema(maxItems = ArticleWrite.TAGS_MAX) List<@Size(max = ArticleWrite.TAG_MAX_LENGTH) String> tags,
        @Schema(maxItems = ArticleWrite.BODY_MAX) List<Block> body,
        CopyrightView copyright,
        Instant publishedAt,
        @Nullable Instant updatedAt,
        List<PublicUpdate> updates,
        @Schema(description = ArticleResponse.KIND_DOC, enumeration = {"story", "liveblog"}) String kind,
        @Schema(description = ArticleResponse.LIVE_DOC) boolean live,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Null when the article has none.", nullable = true) LeadImage leadImage,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Null when the article has none.", nullable = true) Headlines headlines) {


    static final String KIND_DOC = "`story` or `liveblog`; a liveblog's entries are `/api/v1/articles/{slug}/entries`.";
    static final String LIVE_DOC = "A liveblog whose coverage runs (new entries may follow); false once it has ended, "
            + "and always false for a story.";
}
