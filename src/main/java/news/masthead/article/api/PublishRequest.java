package news.masthead.article.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishRequest", description = "Publish now (no body, or no `at`), or schedule for a future instant; optionally under embargo.")
public record PublishRequest(
        @Schema(description = "A future instant: the article is scheduled and becomes public then.", example = "2026-10-17T06:00:00Z")
        Instant at,
        @Schema(description = "A future instant before which the public may not see the story; partners that take "
                + "embargoed stories receive it at once, marked embargoed.", example = "2026-10-17T06:00:00Z")
        Instant embargoedUntil) {
}
