package news.masthead.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SectionRef")
public record SectionRef(@Schema(example = "war-in-ukraine") String slug, @Schema(example = "War in Ukraine") String name) {
}
