package news.masthead.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryAttempt", description = "One attempt to deliver one event to the webhook.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryAttemptResponse(
        @Schema(description = "The X-Masthead-Delivery header: the same on every attempt of one event.") UUID deliveryId,
        @Schema(description = "The id in the payload: the same for every webhook told of one change.") UUID eventId,
        @Schema(example = "article.published", maxLength = 50) String eventType,
        @Schema(description = "1 for the first attempt.", example = "1", minimum = "1", maximum = "1000") int attempt,
        Instant at,
        @Schema(description = "The receiver's HTTP status; null when it gave none.", nullable = true, example = "200",
                minimum = "100", maximum = "599")
        Integer responseStatus,
        @Schema(description = "Why no answer came (timeout, refused connection, refused address); null otherwise.",
                nullable = true, maxLength = 2000)
        String error,
        @Schema(example = "87", minimum = "0", maximum = "600000") int durationMs,
        @Schema(enumeration = {"delivered", "retrying", "failed"},
                description = "delivered: a 2xx answer; retrying: another attempt follows; failed: none does.")
        String outcome) {
}
