package news.masthead.collection.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.ArticleWrite;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CollectionEntry", description = "One article of a public collection.")
public record CollectionItemResponse(
        @Schema(enumeration = {"pinned", "fill"}, description = "pinned by an editor, or found by the fill.") String source,
        @Schema(maxLength = ArticleWrite.HEADLINE_MAX, description = "The override, or the article's own headline.") String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(maxLength = ArticleWrite.SUMMARY_MAX, description = "The override, or the article's own summary.") @Nullable String summary,
        ArticleSummaryResponse article) {
}
