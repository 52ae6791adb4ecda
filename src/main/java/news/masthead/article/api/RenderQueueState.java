package news.masthead.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RenderQueueState", description = "The render queue of the articles' public documents.")
public record RenderQueueState(
        @Schema(description = "Articles this request queued (0 for a read of the state).", minimum = "0",
                maximum = "9223372036854775807") long queued,
        @Schema(description = "Articles waiting to be rendered, this request's included; 0 when every document is "
                + "rendered.", minimum = "0", maximum = "9223372036854775807") long waiting) {
}
