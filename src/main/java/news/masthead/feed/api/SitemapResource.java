package news.masthead.feed.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.common.error.Problem;
import news.masthead.common.http.Cacheable;
import news.masthead.feed.SitemapService;
import news.masthead.feed.SitemapWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sitemaps for search engines. No {@code @Produces}, as with the feeds: crawlers send any Accept,
 * and a 406 would only lose them. Kept in the content cache like every Content API answer.
 */
@Path("/api/v1/sitemaps")
@PermitAll
@Tag(name = "Content: sitemaps", description = "Sitemaps of the published articles for search engines: a Google "
        + "News sitemap and monthly sitemaps with their index. Every URL is `<masthead.site.base-url>/articles/<slug>` "
        + "(the index's, this API's configured address), never taken from the request's Host. Public and cacheable.")
public class SitemapResource {
    /** 50,000 URLs of at most ~200 bytes each. */
    static final int SITEMAP_MAX_BYTES = 50 * 1_048_576;
    static final MediaType XML = MediaType.valueOf(SitemapWriter.MEDIA_TYPE + "; charset=UTF-8");

    private final SitemapService sitemaps;
    private final Cacheable cacheable;

    public SitemapResource(SitemapService sitemaps, Cacheable cacheable) {
        this.sitemaps = sitemaps;
        this.cacheable = cacheable;
    }

    @GET
    @Path("/news.xml")
    @Operation(operationId = "getNewsSitemap", summary = "Google News sitemap of the last 48 hours",
            description = "The articles published in the last 48 hours, newest first, at most 1,000: each `<url>` with "
                    + "`<news:news>` (publication name and language from configuration, `publication_date` = "
                    + "`publishedAt`, title = headline).")
    @APIResponse(responseCode = "200", description = "The news sitemap.",
            content = @Content(mediaType = SitemapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = SITEMAP_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response news(@Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, XML, sitemaps::news);
    }

    @GET
    @Path("/index.xml")
    @Operation(operationId = "getSitemapIndex", summary = "Sitemap index of the monthly sitemaps",
            description = "One `<sitemap>` per UTC month with a published article, newest first: "
                    + "`/api/v1/sitemaps/articles/{yyyy}-{mm}.xml`, `<lastmod>` the latest `updatedAt` of its articles.")
    @APIResponse(responseCode = "200", description = "The sitemap index.",
            content = @Content(mediaType = SitemapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = SITEMAP_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response index(@Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, XML, sitemaps::index);
    }

    @GET
    @Path("/articles/{month}.xml")
    @Operation(operationId = "getMonthlySitemap", summary = "Sitemap of one month's articles",
            description = "The articles published in this UTC month, newest first, at most 50,000: `<loc>` the article's "
                    + "site URL, `<lastmod>` its `updatedAt`.")
    @APIResponse(responseCode = "200", description = "The month's sitemap.",
            content = @Content(mediaType = SitemapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = SITEMAP_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No published article in this month.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response month(@PathParam("month") @Parameter(description = "The UTC month, `yyyy-mm`.", example = "2026-10",
                                  schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$", maxLength = 7))
                          String month, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cacheable.ok(uri, headers, XML, () -> sitemaps.month(month));
    }
}
