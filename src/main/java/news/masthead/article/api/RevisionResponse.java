package news.masthead.article.api;

import java.time.Instant;
import news.masthead.access.api.TokenCreate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One revision with the article as it was then.")
public record RevisionResponse(@Schema(minimum = "1", maximum = "2147483647") int revision, Instant at,
                               @Schema(description = "Name of the token that made it.", maxLength = TokenCreate.NAME_MAX) String by, AdminArticleResponse article) {
}
