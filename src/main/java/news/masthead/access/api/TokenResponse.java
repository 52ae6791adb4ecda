package news.masthead.access.api;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Token", description = "A token without its secret.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenResponse(UUID id, @Schema(maxLength = TokenCreate.NAME_MAX) String name, @Schema(enumeration = {"admin", "editor", "writer", "partner"}) String role,
                            @Schema(maxItems = TokenCreate.SECTIONS_MAX) List<@Size(max = Slugs.MAX_LENGTH) String> sections, @Nullable UUID partner,
                            @Nullable Instant expiresAt, @Nullable Instant revokedAt, Instant createdAt, @Schema(maxLength = TokenCreate.NAME_MAX) String createdBy) {
}
