package news.masthead.section.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section as the Content API shows it. */
@Schema(name = "Section")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SectionResponse(
        @Schema(example = "war-in-ukraine", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(example = "War in Ukraine", maxLength = SectionWrite.NAME_MAX) String name,
        @Schema(maxLength = SectionWrite.DESCRIPTION_MAX) @Nullable String description,
        @Schema(description = "Slug of the parent section; null at the top level.", nullable = true, example = "world", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX)
        String parent,
        @Schema(description = "Order among its siblings, lowest first.", example = "0", minimum = "0", maximum = "" + SectionWrite.POSITION_MAX) int position) {
}
