package news.masthead.syndication.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a partner's change feed: apply an upsert, or remove the article. */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
        @Schema(enumeration = {"upsert", "removal"}) String type,
        UUID id,
        @Schema(description = "On upsert: the article as the partner may now show it.") @Nullable SyndicatedArticle article,
        @Schema(enumeration = {"unpublished", "trashed", "rights", "killed"}, description = "On removal: why. `killed` is a "
                + "legal takedown: remove every copy, archives included, even one an earlier removal left.") @Nullable String reason,
        @Schema(description = "This change's number in the partner's feed: each is handed out once, so a client can "
                + "tell a change it already applied.", minimum = "1", maximum = "9223372036854775807") long sequence) {

    public static Change upsert(SyndicatedArticle article, long sequence) {
        return new Change("upsert", article.id(), article, null, sequence);
    }

    public static Change removal(UUID id, String reason, long sequence) {
        return new Change("removal", id, null, reason, sequence);
    }
}
