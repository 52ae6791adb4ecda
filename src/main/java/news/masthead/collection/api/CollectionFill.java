package news.masthead.collection.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.masthead.article.api.ArticleWrite;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What fills a collection after its pinned items. */
@Schema(name = "CollectionFill", description = "The newest public articles in this section (with its subsections) "
        + "and/or with this tag; both absent: every public article.")
public record CollectionFill(
        @Pattern(regexp = Slugs.REGEX, message = "must be a section slug") @Size(max = Slugs.MAX_LENGTH)
        @Schema(example = "war-in-ukraine") String section,
        @Size(max = ArticleWrite.TAG_MAX_LENGTH) @Schema(example = "ukraine") String tag) {
}
