package news.masthead.article.api;

import java.time.Instant;
import news.masthead.access.api.TokenCreate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Kill", description = "Who killed the article, when and why.")
public record KillView(
        Instant at,
        @Schema(description = "Name of the token that killed it.", maxLength = TokenCreate.NAME_MAX) String by,
        @Schema(maxLength = KillRequest.REASON_MAX) String reason) {
}
