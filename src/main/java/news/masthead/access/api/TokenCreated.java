package news.masthead.access.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenCreated", description = "A new token with its secret: shown this once, never again.")
public record TokenCreated(UUID id, String name, String role, List<String> sections, UUID partner,
                           Instant expiresAt, Instant createdAt, String createdBy,
                           @Schema(description = "The bearer value. Store it now; only its hash is kept.") String secret) {
}
