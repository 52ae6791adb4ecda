package news.masthead.feed.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.masthead.common.error.Problem;
import news.masthead.common.http.Cacheable;
import news.masthead.feed.AtomWriter;
import news.masthead.feed.FeedService;
import news.masthead.feed.JsonFeedWriter;
import news.masthead.feed.RssWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public feeds. No {@code @Produces}: each answers in its one format whatever the client's
 * Accept says, because feed readers send anything from {@code application/xml} to {@code *}{@code /*}
 * and a 406 would only lose them.
 */
@Path("/api/v1/feeds")
@PermitAll
@Tag(name = "Content: feeds", description = "The newest published headlines as Atom, RSS and JSON Feed: "
        + "summaries, links and copyright notices, never full text. Public and cacheable.")
public class FeedResource {
    /** At most 50 entries, each bounded by the 1 MiB write limit. */
    static final int FEED_MAX_BYTES = 50 * 1_048_576;
    static final MediaType ATOM = MediaType.valueOf(AtomWriter.MEDIA_TYPE + "; charset=UTF-8");
    static final MediaType RSS = MediaType.valueOf(RssWriter.MEDIA_TYPE + "; charset=UTF-8");
    static final MediaType JSON_FEED = MediaType.valueOf(JsonFeedWriter.MEDIA_TYPE);
    private static final String SECTION = "Section slug; includes its subsections. An unknown slug is a 404.";
    private static final String ABOUT = " Each entry links to `<masthead.site.base-url>/articles/<slug>`, carries the "
            + "article's summary and copyright notice, and its id is `urn:masthead:article:<id>`. At most 50 entries, "
            + "newest published first.";

    private final FeedService feeds;
    private final Cacheable cacheable;

    public FeedResource(FeedService feeds, Cacheable cacheable) {
        this.feeds = feeds;
        this.cacheable = cacheable;
    }

    @GET
    @Path("/atom")
    @Operation(operationId = "getAtomFeed", summary = "Atom 1.0 feed of the newest headlines",
            description = "An Atom 1.0 (RFC 4287) feed; the article's notice is the entry's `<rights>`." + ABOUT)
    @APIResponse(responseCode = "200", description = "The feed.",
            content = @Content(mediaType = AtomWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = FEED_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No section has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response atom(@QueryParam("section") @Parameter(description = SECTION, example = "news") String section, @Context HttpHeaders headers) {
        return cacheable.ok(feeds.atom(section), ATOM, headers);
    }

    @GET
    @Path("/rss")
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed of the newest headlines",
            description = "An RSS 2.0 feed; the channel's `<copyright>` is the default notice, each item's "
                    + "`<dc:rights>` the article's own." + ABOUT)
    @APIResponse(responseCode = "200", description = "The feed.",
            content = @Content(mediaType = RssWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = FEED_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No section has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rss(@QueryParam("section") @Parameter(description = SECTION, example = "news") String section, @Context HttpHeaders headers) {
        return cacheable.ok(feeds.rss(section), RSS, headers);
    }

    @GET
    @Path("/json")
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed 1.1 of the newest headlines",
            description = "A JSON Feed 1.1; copyright notices travel in the extension object "
                    + "`_masthead: {\"rights\": …}` of the feed and of each item, and `content_text` is the summary."
                    + ABOUT)
    @APIResponse(responseCode = "200", description = "The feed.",
            content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No section has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response json(@QueryParam("section") @Parameter(description = SECTION, example = "news") String section, @Context HttpHeaders headers) {
        return cacheable.ok(feeds.json(section), JSON_FEED, headers);
    }
}
