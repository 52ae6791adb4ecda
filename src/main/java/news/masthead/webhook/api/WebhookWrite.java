package news.masthead.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on a webhook; everything else is the server's. */
@Schema(name = "WebhookWrite", description = "Create a webhook subscription.")
public record WebhookWrite(
        @NotBlank @Size(max = 2000)
        @Schema(description = "http or https; must resolve to public addresses only (unless "
                + "MASTHEAD_WEBHOOKS_ALLOW_PRIVATE=true). Redirects are not followed.",
                example = "https://hooks.example.com/masthead")
        String url,
        @NotEmpty @Size(max = 4)
        @Schema(description = "The event types to receive.", example = "[\"article.published\", \"article.updated\"]",
                enumeration = {"article.published", "article.updated", "article.unpublished", "article.trashed",
                        "article.killed"})
        List<String> events,
        @Size(min = 16, max = 256)
        @Pattern(regexp = "^[\\x21-\\x7e]+$", message = "must be printable ASCII without spaces")
        @Schema(description = "Write-only HMAC key for X-Masthead-Signature, 16 to 256 printable ASCII characters. "
                + "Leave it out on create to have one generated and returned once; send a new one to rotate it.",
                writeOnly = true)
        String secret,
        @Schema(description = "Inactive webhooks receive no new events; events already queued wait until it is "
                + "active again.", defaultValue = "true")
        Boolean active) {

    public boolean activeOrDefault() {
        return active == null || active;
    }

    @Override
    public String toString() {
        // Records print every component; the secret must never reach a log line.
        return "WebhookWrite[url=" + url + ", events=" + events + ", active=" + active + "]";
    }
}
