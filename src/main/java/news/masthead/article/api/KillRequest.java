package news.masthead.article.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KillRequest", description = "Kill an article: a legal takedown from every public and partner channel.")
public record KillRequest(
        @NotBlank @Size(max = KillRequest.REASON_MAX)
        @Schema(description = "Why, for the newsroom's record: shown on the admin article and its revision, never "
                + "to the public or partners.", example = "Legal: court order of 16 October")
        String reason) {
    public static final int REASON_MAX = 500;
}
