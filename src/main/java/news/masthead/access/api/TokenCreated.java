package news.masthead.access.api;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenCreated", description = "A new token with its secret: shown this once, never again.")
public record TokenCreated(UUID id, @Schema(maxLength = TokenCreate.NAME_MAX) String name, @Schema(enumeration = {"admin", "editor", "writer", "partner"}) String role,
                           @Schema(maxItems = TokenCreate.SECTIONS_MAX) List<@Size(max = Slugs.MAX_LENGTH) String> sections, @Nullable UUID partner,
                           @Nullable Instant expiresAt, Instant createdAt, @Schema(maxLength = TokenCreate.NAME_MAX) String createdBy,
                           @Schema(description = "The bearer value. Store it now; only its hash is kept.", maxLength = 46, pattern = "^mh_[A-Za-z0-9_-]{43}$") String secret) {
}
