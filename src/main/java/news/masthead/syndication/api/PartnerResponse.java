package news.masthead.syndication.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner")
public record PartnerResponse(UUID id, String name, List<String> sections, boolean receivesEmbargoed,
                              Instant createdAt, Instant modifiedAt) {
}
