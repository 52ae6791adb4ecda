package news.masthead.article.api;

import news.masthead.common.openapi.NullableMembers;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An Article as the preview shows it: the Content API's shape, its fields inline, plus status and revision. */
@Schema(name = "PreviewArticle", description = "An Article plus the article's status and revision now.")
public record PreviewArticleResponse(
        @JsonUnwrapped @NullableMembers({"publishedAt", "updatedAt"}) ArticleResponse article,
        @Schema(description = PreviewArticleResponse.STATUS_DOC, enumeration = {"draft", "scheduled", "published", "unpublished"})
        String status,
        @Schema(description = "The article's current revision (its admin ETag without quotes).", minimum = "1",
                maximum = "2147483647")
        int revision) {

    static final String STATUS_DOC = "The article's status now, also with `at`: `scheduled` marks what the public "
            + "cannot see yet.";
}
