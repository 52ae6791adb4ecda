package news.masthead.article.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import news.masthead.article.body.WebUrl;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The article's lead image, written and read in this one shape; thumbnails in lists use it. */
@Schema(name = "LeadImage", description = "The article's lead image. Caption and credit are plain text.")
public record LeadImage(
        @NotBlank @Size(max = LeadImage.URL_MAX) @WebUrl
        @Schema(description = "An absolute http(s) URL.", example = "https://img.example.com/budapest.jpg")
        String url,
        @NotBlank @Size(max = LeadImage.ALT_MAX)
        @Schema(description = "Alternative text; required with every image.", example = "Leaders shake hands in Budapest")
        String alt,
        @Size(max = LeadImage.CAPTION_MAX) String caption,
        @Size(max = LeadImage.CREDIT_MAX) @Schema(example = "Photo: AP") String credit,
        @Positive @Max(LeadImage.PIXELS_MAX) @Schema(description = "Width in pixels.") Integer width,
        @Positive @Max(LeadImage.PIXELS_MAX) @Schema(description = "Height in pixels.") Integer height) {
    public static final int URL_MAX = 2000;
    public static final int ALT_MAX = 1000;
    public static final int CAPTION_MAX = 2000;
    public static final int CREDIT_MAX = 500;
    public static final int PIXELS_MAX = 100_000;
}
