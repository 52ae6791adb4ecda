package news.masthead.article.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One revision with the article as it was then.")
public record RevisionResponse(int revision, Instant at, String by, AdminArticleResponse article) {
}
