package news.masthead.preview.api;

import java.time.Instant;
import java.util.UUID;
import news.masthead.access.api.TokenCreate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewLink", description = "A live preview link (its secret is never shown again).")
public record PreviewLinkResponse(
        UUID id,
        Instant expiresAt,
        @Schema(description = "Name of the token that made it.", maxLength = TokenCreate.NAME_MAX) String createdBy) {
}
