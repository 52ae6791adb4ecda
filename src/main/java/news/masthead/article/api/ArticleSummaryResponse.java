package news.masthead.article.api;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleSummary", description = "An article in lists: the Article without body and updates.")
public record ArticleSummaryResponse(
        UUID id,
        @Schema(maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(maxLength = ArticleWrite.HEADLINE_MAX) String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(maxLength = ArticleWrite.SUMMARY_MAX) @Nullable String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable SectionRef section,
        @Schema(maxItems = ArticleWrite.AUTHORS_MAX) List<AuthorRef> authors,
        @Schema(maxItems = ArticleWrite.TAGS_MAX) List<@Size(max = ArticleWrite.TAG_MAX_LENGTH) String> tags,
        CopyrightView copyright,
        Instant publishedAt,
        @Nullable Instant updatedAt,
        @Schema(description = ArticleResponse.KIND_DOC, enumeration = {"story", "liveblog"}) String kind,
        @Schema(description = ArticleResponse.LIVE_DOC) boolean live,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Null when the article has none.", nullable = true) LeadImage leadImage,
        @Schema(description = "Search hits only (with q): an excerpt of the opening of the body text, "
                + "HTML-escaped, with the matching words in <mark> tags (none when they occur only further down). "
                + "Absent without q, or when the body has no text.",
                example = "Talks in <mark>Budapest</mark> would follow a lengthy phone call …", maxLength = 65536)
        @Nullable String snippet) {
}
