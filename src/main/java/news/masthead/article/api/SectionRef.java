package news.masthead.article.api;

import news.masthead.common.json.Slugs;
import news.masthead.section.api.SectionWrite;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SectionRef")
public record SectionRef(@Schema(example = "war-in-ukraine", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
                         @Schema(example = "War in Ukraine", maxLength = SectionWrite.NAME_MAX) String name) {
}
