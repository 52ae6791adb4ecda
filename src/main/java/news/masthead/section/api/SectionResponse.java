package news.masthead.section.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section as the Content API shows it. */
@Schema(name = "Section")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SectionResponse(
        @Schema(example = "war-in-ukraine") String slug,
        @Schema(example = "War in Ukraine") String name,
        String description,
        @Schema(description = "Slug of the parent section; null at the top level.", nullable = true, example = "world")
        String parent,
        @Schema(description = "Order among its siblings, lowest first.", example = "0") int position) {
}
