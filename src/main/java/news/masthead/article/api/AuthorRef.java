package news.masthead.article.api;

import news.masthead.author.api.AuthorWrite;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorRef")
public record AuthorRef(@Schema(example = "jane-doe", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
                        @Schema(example = "Jane Doe", maxLength = AuthorWrite.NAME_MAX) String name) {
}
