package news.masthead.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorRef")
public record AuthorRef(@Schema(example = "jane-doe") String slug, @Schema(example = "Jane Doe") String name) {
}
