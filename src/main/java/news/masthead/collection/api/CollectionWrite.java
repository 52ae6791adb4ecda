package news.masthead.collection.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on a collection; everything else is the server's. */
@Schema(name = "CollectionWrite", description = "Create a curated collection (a front).")
public record CollectionWrite(
        @Pattern(regexp = Slugs.REGEX, message = "must be lowercase words joined by single hyphens")
        @Size(max = Slugs.MAX_LENGTH)
        @Schema(description = "Derived from the name when absent.", example = "home")
        String slug,
        @NotBlank @Size(max = CollectionWrite.NAME_MAX) @Schema(example = "Home page") String name,
        @Size(max = CollectionWrite.DESCRIPTION_MAX) String description,
        @Size(max = CollectionWrite.ITEMS_MAX, message = "may hold at most 100 items")
        @Schema(description = "Pinned articles in display order, each at most once.")
        List<@Valid @NotNull CollectionItem> items,
        @Valid
        @Schema(description = "The newest public articles matching it follow the pinned ones; absent or null: no fill. "
                + "An empty object fills with the newest public articles of every section.")
        CollectionFill fill,
        @Min(1) @Max(CollectionWrite.ITEMS_MAX)
        @Schema(description = "How many items the public sees, pinned and fill together; 20 when absent.", example = "20")
        Integer size) {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int ITEMS_MAX = 100;
    public static final int DEFAULT_SIZE = 20;

    public List<CollectionItem> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
