package news.masthead.common.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.common.cache.ContentCaching;

/**
 * Content API cache hits answered from the Vert.x router, before the JAX-RS pipeline: at newsroom
 * scale nearly every read is a hit, and the pipeline (matching, filters, a worker-thread hand-off)
 * costs several times what sending the stored bytes does.
 *
 * <p>An entry exists only for a path and query that the full pipeline once accepted and answered,
 * so parameter validation has already happened for exactly these bytes. What depends on the
 * request rather than the path is done here the same way: the anonymous rate limit (by address,
 * IPv6 by /64, as {@link RateLimitFilter} counts it), If-None-Match, CORS and {@code Vary: Origin}
 * for the Content API. Anything else (a bearer token, HEAD, an Accept that refuses JSON, a
 * miss) goes on to the pipeline unchanged.
 */
@ApplicationScoped
public class CachedReads {
    /** Set when this door already took the request's rate-limit token and found none: the pipeline answers the 429. */
    static final String RATE_LIMIT_WAIT = "masthead.rate-limit-wait";
    /** After the configured-headers and body routes (Integer.MIN_VALUE, MIN_VALUE + 1), before the rest. */
    private static final int ORDER = Integer.MIN_VALUE + 2;
    private static final String PREFIX = "/api/v1/";
    private static final String ADMIN = "/api/v1/admin";
    private static final String SYNDICATION = "/api/v1/syndication";
    /** Never cached, so never looked up either: a preview is private, a stream is not one answer. */
    private static final String PREVIEW = "/api/v1/preview";
    private static final String STREAM = "/api/v1/stream";
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Cacheable.PROBLEM.toString());
    private static final CharSequence SURROGATE_KEY = HttpHeaders.createOptimized(Cacheable.SURROGATE_KEY);
    private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
    private static final CharSequence SURROGATE_CONTROL = HttpHeaders.createOptimized(Cacheable.SURROGATE_CONTROL);

    private final ContentCaching cache;
    private final Cacheable cacheable;
    private final RateLimitFilter limits;
    private final Cors cors;
    private final Counter hits;

    CachedReads(ContentCaching cache, Cacheable cacheable, RateLimitFilter limits, Cors cors, MeterRegistry registry) {
        this.cache = cache;
        this.cacheable = cacheable;
        this.limits = limits;
        this.cors = cors;
        this.hits = Counter.builder("masthead.content.cache.front.hits")
                .description("Content API requests answered from the cache before the JAX-RS pipeline")
                .register(registry);
    }

    /**
     * Ahead of the HTTP security and REST observability handlers too: a hit is a public read
     * without credentials, which they would only pass on, and it sets its own metrics template.
     * The configured response headers (nosniff) are added before this route.
     */
    void install(@Observes Router router) {
        router.route(HttpMethod.GET, PREFIX + "*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Cacheable.Rendered hit = eligible(request) ? cache.peek(key(request)) : null;
        if (hit == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), hit.contentType())) {
            rc.next();
            return;
        }
        long wait = limits.acquireAnonymous(request.getHeader("X-Forwarded-For"), request.remoteAddress());
        if (wait > 0 && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(RATE_LIMIT_WAIT, wait);
            rc.next();
            return;
        }
        hits.increment();
        if (hit.template() != null && VertxContext.isOnDuplicatedContext()) {
            // Request metrics are tagged by route template, as the pipeline would have tagged them.
            ContextLocals.put("UrlPathTemplate", hit.template());
        }
        HttpServerResponse response = rc.response();
        MultiMap headers = response.headers();
        // Always, as the pipeline does (Cors): a shared cache must not hand this answer to another origin.
        headers.add(HttpHeaders.VARY, ORIGIN);
        String origin = request.getHeader(ORIGIN);
        if (origin != null) {
            String allowed = cors.allowedContentOrigin(origin);
            if (allowed != null) {
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
                headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, Cors.EXPOSED);
            }
        }
        if (cacheable.surrogateControl() != null) {
            headers.set(SURROGATE_CONTROL, cacheable.surrogateControl());
        }
        if (hit.location() != null) {
            headers.set(HttpHeaders.LOCATION, hit.location().toString()).set(SURROGATE_KEY, hit.surrogateKey());
            response.setStatusCode(301).end();
            return;
        }
        if (hit.gone()) {
            headers.set(HttpHeaders.CACHE_CONTROL, cacheable.cacheControl()).set(SURROGATE_KEY, hit.surrogateKey())
                    .set(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
            response.setStatusCode(410).end(hit.buffer());
            return;
        }
        headers.set(HttpHeaders.ETAG, hit.etagHeader()).set(HttpHeaders.CACHE_CONTROL, cacheable.cacheControl())
                .set(SURROGATE_KEY, hit.surrogateKey());
        if (Cacheable.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, hit.contentType());
        response.end(hit.buffer());
    }

    private static boolean eligible(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith(ADMIN) || path.startsWith(SYNDICATION) || path.startsWith(PREVIEW) || path.startsWith(STREAM)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        return true;
    }

    /**
     * Whether {@code accept} takes the entry's media type (null: a redirect or a problem, both
     * JSON-like): any JSON type for a JSON answer (JSON-LD included), its own type or its family's
     * wildcard otherwise. Anything else goes to the pipeline, which answers as it would without the cache.
     */
    private static boolean accepts(String accept, io.netty.util.AsciiString contentType) {
        if (accept == null || accept.contains("*/*")) {
            return true;
        }
        String type = contentType == null ? "application/json" : contentType.toString();
        int semicolon = type.indexOf(';');
        String bare = semicolon < 0 ? type : type.substring(0, semicolon).strip();
        String family = bare.substring(0, bare.indexOf('/'));
        return accept.contains(family + "/*") || accept.contains(bare) || bare.endsWith("json") && accept.contains("json");
    }

    /** The key {@link Cacheable} stores under, from the same raw path and query. */
    private static String key(HttpServerRequest request) {
        return CacheKeys.of(request.path(), request.query());
    }
}
