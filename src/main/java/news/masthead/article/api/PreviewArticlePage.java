package news.masthead.article.api;

import java.util.List;
import news.masthead.common.paging.PageMeta;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the preview list envelope for OpenAPI; the runtime uses the generic Page. */
@Schema(name = "PreviewArticlePage")
public record PreviewArticlePage(List<PreviewArticleSummary> data, PageMeta meta) {
}
