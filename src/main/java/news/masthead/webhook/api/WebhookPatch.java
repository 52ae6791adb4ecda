package news.masthead.webhook.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over WebhookWrite. */
@Schema(name = "WebhookPatch", description = "Any subset of the write fields. `secret` rotates the secret "
        + "(it cannot be removed); a null `active` restores the default, true.")
public record WebhookPatch(String url, List<String> events, @Schema(writeOnly = true) String secret, Boolean active) {

    @Override
    public String toString() {
        return "WebhookPatch[url=" + url + ", events=" + events + ", active=" + active + "]";
    }
}
