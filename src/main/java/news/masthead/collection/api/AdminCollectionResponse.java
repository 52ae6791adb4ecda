package news.masthead.collection.api;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminCollection", description = "A collection as editors write it; ETag is its revision.")
public record AdminCollectionResponse(
        UUID id,
        @Schema(maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(maxLength = CollectionWrite.NAME_MAX) String name,
        @Schema(maxLength = CollectionWrite.DESCRIPTION_MAX) @Nullable String description,
        @Schema(maxItems = CollectionWrite.ITEMS_MAX) List<CollectionItem> items,
        @Nullable CollectionFill fill,
        @Schema(minimum = "1", maximum = "100") int size,
        @Schema(description = "Grows by one with every change; the ETag.", minimum = "1", maximum = "2147483647") int revision,
        Instant createdAt,
        Instant modifiedAt) {
}
