package news.masthead.preview.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewLinkWrite", description = "How long the new link works; the body may be left out.")
public record PreviewLinkWrite(
        @Schema(description = "Seconds until the link stops working: 60 to 604800 (a week); 86400 when absent.",
                minimum = "" + MIN_SECONDS, maximum = "" + MAX_SECONDS, defaultValue = "" + DEFAULT_SECONDS)
        @Min(MIN_SECONDS) @Max(MAX_SECONDS)
        Integer expiresIn) {

    public static final int MIN_SECONDS = 60;
    public static final int MAX_SECONDS = 604_800;
    public static final int DEFAULT_SECONDS = 86_400;
}
