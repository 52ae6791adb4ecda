package news.masthead.access.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of a token that may change after creation; role and secret never do. */
@Schema(name = "TokenUpdate")
public record TokenUpdate(
        @NotBlank @Size(max = TokenCreate.NAME_MAX) String name,
        @Size(max = TokenCreate.SECTIONS_MAX) List<@NotBlank @Size(max = 120) String> sections,
        Instant expiresAt) {
}
