package news.masthead.article.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Full-text search of the Content API's article list; combines with every ArticleFilters filter. */
public class ArticleSearch {
    public static final int MAX_QUERY_LENGTH = 200;

    @QueryParam("q")
    @Parameter(description = "Full-text search in headline, summary and body (promo blocks excluded), in web-search "
            + "syntax: words (all must occur), \"quoted phrases\", -excluded words, `or`. English stemming: "
            + "`elections` finds `election`. At most 200 characters. Results are ordered by relevance unless "
            + "sort=newest, and each carries a `snippet`. Relevance ranks the newest matches only (200 by default, "
            + "a server setting), after the other filters: a search answers what was written lately about its "
            + "words, best match first, and older matches are reached with sort=newest or since/until.",
            example = "budapest \"peace talks\" -trump",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH, minLength = 1))
    public String q;

    @QueryParam("sort")
    @Parameter(description = "`relevance` (the default with q; needs q): the newest matches (200 by default), best "
            + "match first, then newest; the cursor pages through those. `newest` (by publishedAt, the default "
            + "without q): every match.", schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "newest"}))
    public String sort;

    @Context
    UriInfo uri;

    /** The query as sent: the binding reports {@code ?q=} as absent, but an empty search is a mistake to name. */
    public String query() {
        if (q == null && uri != null && uri.getQueryParameters().containsKey("q")) {
            return "";
        }
        return q;
    }
}
