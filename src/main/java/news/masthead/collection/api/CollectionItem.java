package news.masthead.collection.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import news.masthead.article.api.ArticleWrite;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pinned item as written and as the Admin API shows it. */
@Schema(name = "CollectionItem", description = "A pinned article, with optional overrides for this collection.")
public record CollectionItem(
        @NotNull @Schema(description = "Article id.") UUID article,
        @Size(max = ArticleWrite.HEADLINE_MAX) @Schema(description = "Shown instead of the article's headline.") String headline,
        @Size(max = ArticleWrite.SUMMARY_MAX) @Schema(description = "Shown instead of the article's summary.") String summary) {
}
