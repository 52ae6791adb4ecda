package news.masthead.cdn.api;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurgeQueued", description = "The purge is queued; it is sent to the CDN within moments and "
        + "retried until the CDN confirms it.")
public record PurgeQueued(
        @Schema(description = "The keys queued, each once.", maxItems = 100) List<@Size(max = 200) String> keys) {
}
