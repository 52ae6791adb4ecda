package news.masthead.syndication.api;

import java.util.List;
import news.masthead.common.paging.PageMeta;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of changes; nextCursor is never null: an empty page hands back the cursor to poll again. */
@Schema(name = "ChangePage")
public record ChangePage(List<Change> data, PageMeta meta) {
}
