package news.masthead.article.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary")
public record RevisionSummary(int revision, Instant at, @Schema(description = "Name of the token that made it.") String by,
                              @Schema(description = "Names of the fields this revision changed.") List<String> changed) {
}
