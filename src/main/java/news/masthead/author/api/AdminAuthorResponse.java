package news.masthead.author.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminAuthor", description = "An author with the fields only the Admin API shows.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminAuthorResponse(
        UUID id,
        @Schema(example = "jane-doe") String slug,
        @Schema(example = "Jane Doe") String name,
        String jobTitle,
        String bio,
        String avatarUrl,
        @Schema(description = "Never part of the Content API.") String email,
        Instant createdAt,
        Instant modifiedAt) {
}
