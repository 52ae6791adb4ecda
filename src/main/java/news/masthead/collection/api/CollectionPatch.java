package news.masthead.collection.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over CollectionWrite. */
@Schema(name = "CollectionPatch", description = "Any subset of the write fields; null clears a member. "
        + "items replaces the whole list; fill merges member by member (fill: null removes the fill).")
public record CollectionPatch(String slug, String name, String description, List<CollectionItem> items,
                              CollectionFill fill, Integer size) {
}
