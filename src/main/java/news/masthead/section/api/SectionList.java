package news.masthead.section.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole section tree, depth-first: each section is followed by its subsections. */
@Schema(name = "SectionList", description = "Every section, depth-first; siblings by position, then name.")
public record SectionList(List<SectionResponse> data) {
}
