package news.masthead.feed.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.common.http.Cacheable;
import news.masthead.feed.JsonLdService;
import news.masthead.feed.JsonLdWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An article as schema.org JSON-LD. Answers {@code application/ld+json} also to a client that asks
 * for plain JSON (it is JSON), as the cache's front door does.
 */
@Path("/api/v1/articles/{slug}/jsonld")
@PermitAll
@Tag(name = "Content: articles")
public class JsonLdResource {
    static final MediaType JSON_LD = MediaType.valueOf(JsonLdWriter.MEDIA_TYPE);

    private final JsonLdService jsonLd;
    private final Cacheable cacheable;

    public JsonLdResource(JsonLdService jsonLd, Cacheable cacheable) {
        this.jsonLd = jsonLd;
        this.cacheable = cacheable;
    }

    @GET
    @Produces({JsonLdWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getArticleJsonLd", summary = "A published article as schema.org JSON-LD",
            description = "A schema.org `NewsArticle` for the page's JSON-LD script element: `headline` "
                    + "(the SEO headline when set), `datePublished` and `dateModified` (the article's `publishedAt` and "
                    + "`updatedAt`), `author` (Person with name and url), `publisher` (the site), `articleSection`, "
                    + "`keywords`, `image` (the lead image), `copyrightHolder`, `copyrightYear`, `copyrightNotice`, "
                    + "`mainEntityOfPage` (`<masthead.site.base-url>/articles/<slug>`), and one `correction` "
                    + "(`CorrectionComment` with `text` and `datePublished`) per public update of kind correction. "
                    + "A liveblog (`kind` liveblog) is a `LiveBlogPosting` with the same properties, plus "
                    + "`coverageStartTime` (`publishedAt`), `coverageEndTime` once it has ended (`live` false: the "
                    + "`publishedAt` of its newest entry), and `liveBlogUpdate`: its " + JsonLdService.LIVEBLOG_UPDATES
                    + " newest entries (the entries page's default size, so it describes the first page readers see), "
                    + "newest first, each a `BlogPosting` with `@id` and `url` `<masthead.site.base-url>/articles/<slug>#entry-<id>`, "
                    + "`headline` (when the entry has one), `articleBody` (its blocks as plain text), `datePublished` and "
                    + "`dateModified` (the entry's `publishedAt` and `updatedAt`) and `author`. A new, changed or deleted "
                    + "entry shows in the next read. Visible exactly when the article is.")
    @APIResponse(responseCode = "200", description = "The JSON-LD document.",
            content = @Content(mediaType = JsonLdWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "301", description = "An old slug of the article: Location names the current slug's JSON-LD.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 2048)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "410", description = "The article was killed (a legal takedown).")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, JSON_LD, () -> jsonLd.article(slug));
    }
}
