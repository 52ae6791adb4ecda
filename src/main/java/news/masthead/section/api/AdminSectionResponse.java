package news.masthead.section.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminSection", description = "A section with its id and audit fields.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminSectionResponse(
        UUID id,
        @Schema(example = "war-in-ukraine") String slug,
        @Schema(example = "War in Ukraine") String name,
        String description,
        @Schema(description = "Slug of the parent section; null at the top level.", nullable = true) String parent,
        int position,
        Instant createdAt,
        Instant modifiedAt) {
}
