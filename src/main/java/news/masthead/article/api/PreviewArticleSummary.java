package news.masthead.article.api;

import news.masthead.common.openapi.NullableMembers;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ArticleSummary as the preview lists it: the Content API's shape, its fields inline, plus status and revision. */
@Schema(name = "PreviewArticleSummary", description = "An ArticleSummary plus the article's status and revision now.")
public record PreviewArticleSummary(
        @JsonUnwrapped @NullableMembers({"publishedAt", "updatedAt"}) ArticleSummaryResponse article,
        @Schema(description = PreviewArticleResponse.STATUS_DOC, enumeration = {"draft", "scheduled", "published", "unpublished"})
        String status,
        @Schema(description = "The article's current revision (its admin ETag without quotes).", minimum = "1",
                maximum = "2147483647")
        int revision) {
}
