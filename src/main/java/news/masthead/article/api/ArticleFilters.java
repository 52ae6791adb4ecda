package news.masthead.article.api;

import jakarta.ws.rs.QueryParam;
import news.masthead.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The list filters shared by the Content and Admin APIs, with the page's limit and cursor. */
public class ArticleFilters extends PageParams {
    @QueryParam("section")
    @Parameter(description = "Section slug; includes its subsections.", example = "news")
    public String section;

    @QueryParam("author")
    @Parameter(description = "Author slug.")
    public String author;

    @QueryParam("tag")
    @Parameter(description = "A tag, lowercase.")
    public String tag;

    @QueryParam("since")
    @Parameter(description = "Only articles published at or after this instant.", example = "2026-10-16T00:00:00Z")
    public String since;

    @QueryParam("until")
    @Parameter(description = "Only articles published before this instant.", example = "2026-10-17T00:00:00Z")
    public String until;
}
