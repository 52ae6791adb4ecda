package news.masthead.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook subscription. The secret is never shown.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookResponse(
        UUID id,
        @Schema(example = "https://hooks.example.com/masthead") String url,
        @Schema(example = "[\"article.published\", \"article.updated\"]") List<String> events,
        boolean active,
        Instant createdAt,
        @Schema(maxLength = news.masthead.access.api.TokenCreate.NAME_MAX) String createdBy,
        Instant modifiedAt) {
}
