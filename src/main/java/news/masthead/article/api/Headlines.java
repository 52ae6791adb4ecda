package news.masthead.article.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Alternative headlines; a frontend falls back to the article's headline for one that is absent. */
@Schema(name = "Headlines", description = "Alternative headlines for search engines and social cards; "
        + "each falls back to the article's headline when absent.")
public record Headlines(
        @Size(max = Headlines.SEO_MAX) @Schema(description = "For search engines (the JSON-LD headline).",
                example = "Trump and Putin to meet in Budapest") String seo,
        @Size(max = Headlines.SOCIAL_MAX) @Schema(description = "For social cards.",
                example = "Leaders agree to meet in Budapest in an effort to end the war") String social) {
    public static final int SEO_MAX = 110;
    public static final int SOCIAL_MAX = 200;
}
