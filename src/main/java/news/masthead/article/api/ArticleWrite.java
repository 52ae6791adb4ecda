package news.masthead.article.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import news.masthead.article.ArticleKind;
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
        @NotBlank @Size(max = ArticleWrite.HEADLINE_MAX)
        @Schema(example = "Leaders agree to meet in Budapest in effort to end war")
        String headline,
        @Size(max = ArticleWrite.SUMMARY_MAX) String summary,
        @Size(max = ArticleWrite.BODY_MAX, message = "may hold at most 500 blocks") List<@Valid @NotNull Block> body,
        @Size(max = Slugs.MAX_LENGTH) @Schema(description = "Section slug.", example = "war-in-ukraine") String section,
        @Size(max = ArticleWrite.AUTHORS_MAX) @Schema(description = "Author slugs, in byline order.") List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> authors,
        @Size(max = ArticleWrite.TAGS_MAX) List<@NotBlank @Size(max = ArticleWrite.TAG_MAX_LENGTH) String> tags,
        @Schema(description = "Copyright notice id; the default notice when absent.") UUID copyrightNotice,
        @Pattern(regexp = ArticleKind.REGEX, message = "must be story or liveblog")
        @Schema(description = "`story` (the default) or `liveblog`: a liveblog carries entries "
                + "(`/api/v1/admin/articles/{id}/entries`).", enumeration = {"story", "liveblog"}, defaultValue = "story")
        String kind,
        @Schema(description = "A liveblog only: true while its coverage runs (it takes new entries), false once it "
                + "has ended. Defaults to true for a liveblog; a story is never live (true is a 400).")
        Boolean live,
        @Valid LeadImage leadImage,
        @Valid Headlines headlines) {
    // Named so the read schemas (Article, ArticleSummary, AdminArticle) state the same bounds.
    public static final int HEADLINE_MAX = 300;
    public static final int SUMMARY_MAX = 2000;
    public static final int BODY_MAX = 500;
    public static final int AUTHORS_MAX = 20;
    public static final int TAGS_MAX = 50;
    public static final int TAG_MAX_LENGTH = 100;
    /** ArticleService checks it: a public update note is at most this long. */
    public static final int UPDATE_NOTE_MAX = 1000;

    /** This write with {@code live} replaced. */
    public ArticleWrite withLive(Boolean value) {
        return new ArticleWrite(slug, headline, summary, body, section, authors, tags, copyrightNotice, kind, value, leadImage, headlines);
    }

    /** The kind written, {@code story} when absent. */
    public String kindOrStory() {
        return kind == null ? ArticleKind.STORY : kind;
    }

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
