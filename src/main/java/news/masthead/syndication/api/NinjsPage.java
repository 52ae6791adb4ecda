package news.masthead.syndication.api;

import java.util.List;
import news.masthead.common.paging.PageMeta;
import news.masthead.syndication.ninjs.NinjsDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the ninjs list envelope for OpenAPI; the runtime uses the generic Page. */
@Schema(name = "NinjsPage")
public record NinjsPage(List<NinjsDocument> data, PageMeta meta) {
}
