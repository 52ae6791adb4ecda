package news.masthead.collection.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Collection", description = "A public collection: pinned items first, then the fill; only public articles.")
public record CollectionResponse(
        @Schema(maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(maxLength = CollectionWrite.NAME_MAX) String name,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(maxLength = CollectionWrite.DESCRIPTION_MAX) @Nullable String description,
        @Schema(maxItems = CollectionWrite.ITEMS_MAX) List<CollectionItemResponse> items) {
}
