package news.masthead.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import io.vertx.core.buffer.Buffer;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import news.masthead.common.cache.ContentCaching;
import news.masthead.common.cache.ContentConfig;
import news.masthead.common.cache.Sized;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.Problem;
import news.masthead.common.error.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public responses are rendered to bytes once and kept in the {@link ContentCaching content cache};
 * the strong ETag is a hash of exactly those bytes, so equal content always has an equal ETag on
 * every instance. {@code Surrogate-Key} names everything a response shows, for CDN purges.
 */
@ApplicationScoped
public class Cacheable {
    public static final String SURROGATE_KEY = "Surrogate-Key";
    public static final String SURROGATE_CONTROL = "Surrogate-Control";
    static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    static final AsciiString JSON_TYPE = new AsciiString(MediaType.APPLICATION_JSON);
    private final ObjectMapper json;
    private final ContentCaching cache;
    private final AsciiString cacheControl;
    private final AsciiString surrogateControl;

    public Cacheable(ObjectMapper json, ContentCaching cache, ContentConfig config,
                     @ConfigProperty(name = "masthead.purge.url") Optional<String> purgeUrl,
                     @ConfigProperty(name = "masthead.cdn.max-age") int cdnMaxAge) {
        this.json = json;
        this.cache = cache;
        this.cacheControl = new AsciiString("public, max-age=" + config.maxAge()
                + (config.staleWhileRevalidate() > 0 ? ", stale-while-revalidate=" + config.staleWhileRevalidate() : ""));
        // A CDN may keep answers far longer than browsers only when Masthead purges it on every change.
        this.surrogateControl = purgeUrl.isPresent() ? new AsciiString("max-age=" + cdnMaxAge) : null;
    }

    /**
     * A body rendered elsewhere in another format (feeds: Atom, RSS, JSON Feed), validated but not
     * kept here. It is tagged like any public answer, so a CDN may keep it as long and drops it when
     * what it shows changes.
     */
    public Response ok(Tagged<byte[]> tagged, MediaType type, HttpHeaders request) {
        String etag = etagOf(tagged.body());
        Response.ResponseBuilder answer = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified() : Response.ok(tagged.body(), type);
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(SURROGATE_KEY, String.join(" ", tagged.keys())).header(SURROGATE_CONTROL, surrogateControl).build();
    }

    /**
     * A rendered answer: the exact bytes and their ETag, the place the resource moved to, or (when
     * {@code gone}) the bytes of the 410 problem that says it was withdrawn.
     */
    record Rendered(byte[] bytes, Buffer buffer, String etag, AsciiString etagHeader, AsciiString surrogateKey,
                    URI location, String template, boolean gone, AsciiString contentType) implements Sized {
        /**
         * Header values are kept as ASCII bytes: a list's Surrogate-Key runs to kilobytes, and Netty
         * copies an AsciiString where it would encode a String character by character. The body is
         * also wrapped once as a Vert.x buffer, so {@link CachedReads} writes views of the same bytes
         * instead of copying them into a new buffer per request.
         */
        Rendered(byte[] bytes, String etag, String surrogateKey, URI location, String template, boolean gone,
                 AsciiString contentType) {
            this(bytes, bytes == null ? null : Buffer.buffer(Unpooled.wrappedBuffer(bytes)), etag,
                    etag == null ? null : new AsciiString(etag), new AsciiString(surrogateKey), location, template, gone,
                    contentType);
        }

        /** The body once (the buffer wraps the same array), the ETag twice, the Surrogate-Key and location as ASCII. */
        @Override
        public long sizeInBytes() {
            return (bytes == null ? 0 : bytes.length) + (etag == null ? 0 : 3L * etag.length()) + surrogateKey.length()
                    + (location == null ? 0 : 2L * location.toString().length());
        }
    }

    AsciiString cacheControl() {
        return cacheControl;
    }

    /** {@code Surrogate-Control} of tagged answers, or null when no CDN is purged (MASTHEAD_PURGE_URL unset). */
    AsciiString surrogateControl() {
        return surrogateControl;
    }

    /**
     * Answers from the cache, keyed by path and query in {@link CacheKeys one spelling}; {@code load}
     * runs only on a miss. What {@code load} throws (a 404, a bad parameter) is answered as usual and
     * not cached.
     */
    public <T> Response ok(UriInfo uri, HttpHeaders request, Supplier<Tagged<T>> load) {
        return ok(uri, request, JSON, load);
    }

    /**
     * The same for an answer of another media type ({@code application/ld+json}, a sitemap's XML):
     * a body that is a {@code byte[]} is kept as rendered, anything else is written as JSON. The
     * type is kept with the bytes, so {@link CachedReads} answers a hit with it too.
     */
    public <T> Response ok(UriInfo uri, HttpHeaders request, MediaType type, Supplier<Tagged<T>> load) {
        URI requested = uri.getRequestUri();
        String key = CacheKeys.of(requested.getRawPath(), requested.getRawQuery());
        Rendered r = cache.get(key, () -> render(load.get(), type, requestTemplate()));
        if (r.gone()) {
            // Withdrawn for good (a killed article): cached and tagged like any answer, so the CDN
            // keeps the 410 too, and a restore purges it with the rest.
            return Response.status(Response.Status.GONE).entity(r.bytes()).type(PROBLEM)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(SURROGATE_KEY, r.surrogateKey())
                    .header(SURROGATE_CONTROL, surrogateControl).build();
        }
        if (r.location() != null) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(r.location())
                    .header(SURROGATE_KEY, r.surrogateKey()).header(SURROGATE_CONTROL, surrogateControl).build();
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), r.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, r.etagHeader())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(SURROGATE_KEY, r.surrogateKey())
                    .header(SURROGATE_CONTROL, surrogateControl).build();
        }
        return Response.ok(r.bytes(), r.contentType().toString()).header(HttpHeaders.ETAG, r.etagHeader())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(SURROGATE_KEY, r.surrogateKey())
                .header(SURROGATE_CONTROL, surrogateControl).build();
    }

    /** The route template this request's metrics are tagged with, for CachedReads to tag its hits alike. */
    private static String requestTemplate() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<String>get("UrlPathTemplate").orElse(null) : null;
    }

    /** The cache entry of {@code tagged}; {@code template} is the route template of its request's metrics. */
    Rendered render(Tagged<?> tagged, MediaType type, String template) {
        String keys = String.join(" ", tagged.keys());
        if (tagged.movedTo() != null) {
            return new Rendered(null, null, keys, tagged.movedTo(), template, false, null);
        }
        if (tagged.goneDetail() != null) {
            return new Rendered(bytesOf(Problem.of(ProblemType.GONE, tagged.goneDetail())), null, keys, null, template, true,
                    null);
        }
        byte[] bytes = tagged.body() instanceof byte[] rendered ? rendered : bytesOf(tagged.body());
        // A stored document comes with the ETag of its bytes, hashed when it was stored.
        String etag = tagged.etag() != null && tagged.body() instanceof byte[] ? tagged.etag() : etagOf(bytes);
        return new Rendered(bytes, etag, keys, null, template, false,
                type == JSON ? JSON_TYPE : new AsciiString(type.toString()));
    }

    private byte[] bytesOf(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response could not be rendered", e);
        }
    }

    static String etagOf(byte[] bytes) {
        return ETags.of(bytes);
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): W/ prefixes are ignored; * matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Conditional GET for a caller's own view (a partner's feed): validated, never stored by shared caches. */
    public Response okPrivate(byte[] bytes, MediaType type, HttpHeaders request) {
        String etag = etagOf(bytes);
        Response.ResponseBuilder answer = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified() : Response.ok(bytes, type);
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }
}
