package news.masthead.access.api;

import java.util.List;
import news.masthead.common.paging.PageMeta;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the list envelope for OpenAPI; the runtime uses the generic Page. */
@Schema(name = "TokenPage")
public record TokenPage(List<TokenResponse> data, PageMeta meta) {
}
