package news.masthead.collection.api;

import java.util.List;
import news.masthead.common.paging.PageMeta;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the list envelope for OpenAPI; the runtime uses the generic Page. */
@Schema(name = "AdminCollectionPage")
public record AdminCollectionPage(List<AdminCollectionResponse> data, PageMeta meta) {
}
