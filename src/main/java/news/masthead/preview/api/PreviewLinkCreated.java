package news.masthead.preview.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewLinkCreated", description = "A new preview link. `token` is shown this once: only its hash is kept.")
public record PreviewLinkCreated(
        UUID id,
        @Schema(description = "The link's secret: pass it as `token` to GET /api/v1/preview/articles/{slug}.",
                pattern = "^pv_[A-Za-z0-9_-]{43}$", minLength = 46, maxLength = 46, example = "pv_3q2-7wEJbN0pVtq1cZyWw4Hc8Zqk5x7m1v2n3b4c5d6")
        String token,
        Instant expiresAt) {
}
