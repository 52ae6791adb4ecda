package news.masthead.section.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on a section; everything else is the server's. */
@Schema(name = "SectionWrite", description = "Create a section.")
public record SectionWrite(
        @Pattern(regexp = Slugs.REGEX, message = "must be lowercase words joined by single hyphens")
        @Size(max = Slugs.MAX_LENGTH)
        @Schema(description = "Derived from the name when absent.", example = "war-in-ukraine")
        String slug,
        @NotBlank @Size(max = SectionWrite.NAME_MAX) @Schema(example = "War in Ukraine") String name,
        @Size(max = SectionWrite.DESCRIPTION_MAX) String description,
        @Pattern(regexp = Slugs.REGEX, message = "must be a section slug")
        @Size(max = Slugs.MAX_LENGTH)
        @Schema(description = "Slug of the parent section; absent or null for a top-level section.", example = "world")
        String parent,
        @PositiveOrZero @Max(SectionWrite.POSITION_MAX)
        @Schema(description = "Order among its siblings, lowest first; 0 when absent.", example = "0")
        Integer position) {

    // Named so the read schemas (Section, AdminSection, SectionRef) state the same bounds.
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int POSITION_MAX = 1_000_000;

    public int positionOrZero() {
        return position == null ? 0 : position;
    }
}
