package news.masthead.article.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import news.masthead.article.body.Block;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on a liveblog entry; its id and times are the server's. */
@Schema(name = "LiveblogEntryWrite", description = "A new liveblog entry: published at once, public while its article is.")
public record EntryWrite(
        @Size(max = ArticleWrite.HEADLINE_MAX) @Schema(description = "Optional.", example = "Envoys arrive in Budapest")
        String headline,
        @NotNull @Size(min = 1, max = EntryWrite.BODY_MAX, message = "must hold 1 to 100 blocks")
        @Schema(description = "The same sealed body blocks as an article's, sanitized the same way.")
        List<@Valid @NotNull Block> body,
        @Size(max = ArticleWrite.AUTHORS_MAX) @Schema(description = "Author slugs, in byline order.")
        List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> authors,
        @Schema(description = "A key event: listed by `keyEvents=true`. False when absent.") Boolean keyEvent,
        @Schema(description = "Pins the entry; pinning one unpins the liveblog's pinned entry, if any (at most one "
                + "is pinned). False when absent.") Boolean pinned) {
    public static final int BODY_MAX = 100;

    public List<String> authorsOrEmpty() {
        return authors == null ? List.of() : authors;
    }

    public boolean isKeyEvent() {
        return Boolean.TRUE.equals(keyEvent);
    }

    public boolean isPinned() {
        return Boolean.TRUE.equals(pinned);
    }
}
