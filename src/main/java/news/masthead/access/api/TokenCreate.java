package news.masthead.access.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenCreate")
public record TokenCreate(
        @NotBlank @Size(max = TokenCreate.NAME_MAX) @Schema(example = "politics-desk-cms") String name,
        @NotNull @Pattern(regexp = "admin|editor|writer|partner", message = "must be admin, editor, writer or partner")
        @Schema(enumeration = {"admin", "editor", "writer", "partner"}) String role,
        @Size(max = TokenCreate.SECTIONS_MAX) @Schema(description = "Section slugs the token is limited to, with their subsections; none means all.")
        List<@NotBlank @Size(max = 120) String> sections,
        @Schema(description = "For role partner: the partner the token belongs to.") UUID partner,
        @Schema(description = "After this instant the token is refused.") Instant expiresAt) {
    // Named so the read schemas (Token, TokenCreated) state the same bounds; TokenUpdate uses them too.
    public static final int NAME_MAX = 100;
    public static final int SECTIONS_MAX = 50;
}
