package news.masthead.article.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on an article; everything else is the server's. */
@Schema(name = "ArticleWrite", description = "Create an article (it starts as a draft).")
public record ArticleWrite(
        @Pattern(regexp = Slugs.REGEX, message = "must be lowercase words joined by single hyphens")
        @Size(max = Slugs.MAX_LENGTH)
        @Schema(description = "Derived from the headline when absent.", example = "trump-to-meet-putin-in-hungary")
        String slug,
        @NotBlank @Size(max = 300)
        @Schema(example = "Leaders agree to meet in Budapest in effort to end war")
        String headline,
        @Size(max = 2000) String summary,
        @Size(max = 500, message = "may hold at most 500 blocks") List<@Valid @NotNull Block> body,
        @Size(max = Slugs.MAX_LENGTH) @Schema(description = "Section slug.", example = "war-in-ukraine") String section,
        @Size(max = 20) @Schema(description = "Author slugs, in byline order.") List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> authors,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Schema(description = "Copyright notice id; the default notice when absent.") UUID copyrightNotice) {

    public List<Block> bodyOrEmpty() {
        return body == null ? List.of() : body;
    }

    public List<String> authorsOrEmpty() {
        return authors == null ? List.of() : authors;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
