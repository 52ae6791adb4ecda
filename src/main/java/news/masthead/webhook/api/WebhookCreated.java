package news.masthead.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookCreated", description = "A new webhook. When the request gave no secret, the generated "
        + "one is in this answer, once; a secret the caller chose is never echoed.")
public record WebhookCreated(
        UUID id,
        String url,
        List<String> events,
        boolean active,
        Instant createdAt,
        @Schema(maxLength = news.masthead.access.api.TokenCreate.NAME_MAX) String createdBy,
        Instant modifiedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only when generated: store it now, it is never shown again.", nullable = true, maxLength = 256)
        String secret) {

    @Override
    public String toString() {
        return "WebhookCreated[id=" + id + "]";
    }
}
