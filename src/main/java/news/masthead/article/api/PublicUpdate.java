package news.masthead.article.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublicUpdate", description = "A public update or correction note shown to readers.")
public record PublicUpdate(
        Instant at,
        @Schema(enumeration = {"update", "correction"}) String kind,
        @Schema(example = "Adds a statement from Ukraine's ambassador.", maxLength = ArticleWrite.UPDATE_NOTE_MAX) String note) {
}
