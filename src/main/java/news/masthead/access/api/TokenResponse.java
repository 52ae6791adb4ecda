package news.masthead.access.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Token", description = "A token without its secret.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenResponse(UUID id, String name, String role, List<String> sections, UUID partner,
                            Instant expiresAt, Instant revokedAt, Instant createdAt, String createdBy) {
}
