package news.masthead.article.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import news.masthead.access.api.TokenCreate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary")
public record RevisionSummary(@Schema(minimum = "1", maximum = "2147483647") int revision, Instant at,
                              @Schema(description = "Name of the token that made it.", maxLength = TokenCreate.NAME_MAX) String by,
                              @Schema(description = "Names of the fields this revision changed.", maxItems = 50) List<@Size(max = 50) String> changed) {
}
