package news.masthead.section.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminSection", description = "A section with its id and audit fields.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminSectionResponse(
        UUID id,
        @Schema(example = "war-in-ukraine", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(example = "War in Ukraine", maxLength = SectionWrite.NAME_MAX) String name,
        @Schema(maxLength = SectionWrite.DESCRIPTION_MAX) @Nullable String description,
        @Schema(description = "Slug of the parent section; null at the top level.", nullable = true, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String parent,
        @Schema(minimum = "0", maximum = "" + SectionWrite.POSITION_MAX) int position,
        Instant createdAt,
        Instant modifiedAt) {
}
