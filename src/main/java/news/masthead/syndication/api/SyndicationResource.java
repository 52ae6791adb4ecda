package news.masthead.syndication.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import news.masthead.access.Roles;
import news.masthead.common.http.Cacheable;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageParams;
import news.masthead.feed.AtomWriter;
import news.masthead.syndication.ninjs.NinjsDocument;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import news.masthead.syndication.SyndicationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/syndication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Syndication", description = "Full articles for partners, filtered by rights inside every query.")
@SecurityRequirement(name = "bearer")
public class SyndicationResource {
    /** At most 50 entries, each bounded by the 1 MiB write limit. */
    static final int FEED_MAX_BYTES = 50 * 1_048_576;
    private static final String FORMAT = "json (default): Masthead JSON; ninjs: IPTC ninjs 2.2.";
    private static final MediaType ATOM = MediaType.valueOf(AtomWriter.MEDIA_TYPE + "; charset=UTF-8");

    private final SyndicationService service;
    private final Cacheable cacheable;

    public SyndicationResource(SyndicationService service, Cacheable cacheable) {
        this.service = service;
        this.cacheable = cacheable;
    }

    @GET
    @Path("/articles")
    @Operation(operationId = "listSyndicatedArticles", summary = "List the articles this partner may receive, newest first")
    @APIResponse(responseCode = "200", description = "A page of full articles, as Masthead JSON or IPTC ninjs 2.2.",
            content = @Content(schema = @Schema(oneOf = {SyndicatedArticlePage.class, NinjsPage.class})))
    public Page<?> list(@BeanParam PageParams page, @Parameter(description = FORMAT) @QueryParam("format") String format) {
        return service.list(page.limit, page.cursor, format);
    }

    @GET
    @Path("/articles/{id}")
    @Operation(operationId = "getSyndicatedArticle", summary = "Get one article this partner may receive")
    @APIResponse(responseCode = "200", description = "The article, as Masthead JSON or IPTC ninjs 2.2.",
            content = @Content(schema = @Schema(oneOf = {SyndicatedArticle.class, NinjsDocument.class})))
    public Object get(@PathParam("id") UUID id, @Parameter(description = FORMAT) @QueryParam("format") String format) {
        return service.get(id, format);
    }

    @GET
    @Path("/feed.atom")
    @Produces(AtomWriter.MEDIA_TYPE)
    @Operation(operationId = "getPartnerAtomFeed", summary = "This partner's full-text Atom feed",
            description = "The 50 newest stories the partner may receive, with their syndicated bodies (no promo or custom "
                    + "html blocks) and each story's copyright notice as rights. Conditional GET with ETag.")
    @APIResponse(responseCode = "200", description = "The feed.",
            content = @Content(mediaType = AtomWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = FEED_MAX_BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    public Response atom(@Context UriInfo uri, @Context HttpHeaders headers) {
        return cacheable.okPrivate(service.atom(uri.getBaseUri()), ATOM, headers);
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listSyndicationChanges", summary = "Changes since the cursor, in commit order",
            description = "Upserts carry the article as the partner may now show it; removals say why it must go. "
                    + "Follow nextCursor (never null) to stay in sync; without a cursor the feed starts at the beginning.")
    @APIResponse(responseCode = "200", description = "A page of changes.", content = @Content(schema = @Schema(implementation = ChangePage.class)))
    public ChangePage changes(@BeanParam PageParams page) {
        return service.changes(page.limit, page.cursor);
    }
}
