package news.masthead.common.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import news.masthead.common.cache.ContentCaching;
import org.jboss.logging.Logger;

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
 *
 * <p>A miss for a {@link StoredRead} (an article by slug, issue #19) is answered here too, from
 * the bytes rendered at write time: the read runs on a worker thread, its entry goes into the
 * cache as the pipeline would have put it there, and it is written like a hit. Only a query-less
 * path the read recognises qualifies; what it leaves (an old slug, a killed article, a 404, a
 * failure) goes on to the pipeline, counted once against the rate limit.
 */
@ApplicationScoped
public class CachedReads {
    /**
     * Set when this door counted the request against its address's anonymous budget: the seconds
     * to wait (the pipeline answers the 429), or 0 when there was room (the pipeline counts nothing again).
     */
    static final String ANONYMOUS_COUNTED = "masthead.rate-limit.anonymous-counted";
    /** Where Quarkus's HTTP metrics read a request's route template. */
    private static final String TEMPLATE = "UrlPathTemplate";
    private static final Logger LOG = Logger.getLogger(CachedReads.class);
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
    private final Counter storedHits;
    private final List<StoredRead> storedReads;

    CachedReads(ContentCaching cache, Cacheable cacheable, RateLimitFilter limits, Cors cors, MeterRegistry registry,
                Instance<StoredRead> storedReads) {
        this.cache = cache;
        this.cacheable = cacheable;
        this.limits = limits;
        this.cors = cors;
        this.hits = Counter.builder("masthead.content.cache.front.hits")
                .description("Content API requests answered from the cache before the JAX-RS pipeline")
                .register(registry);
        this.storedHits = Counter.builder("masthead.content.stored.front.reads")
                .description("Content API cache misses answered from stored documents before the JAX-RS pipeline")
                .register(registry);
        this.storedReads = storedReads.stream().toList();
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
        if (!eligible(request)) {
            rc.next();
            return;
        }
        String key = key(request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        Cacheable.Rendered hit = cache.peek(key);
        if (hit != null) {
            if (accepts(accept, hit.contentType()) && roomFor(request)) {
                hits.increment();
                answer(rc, hit);
            } else {
                rc.next();
            }
            return;
        }
        if (request.query() == null && accepts(accept, Cacheable.JSON_TYPE)) {
            for (StoredRead read : storedReads) {
                String template = read.template(request.path());
                if (template != null) {
                    if (roomFor(request)) {
                        answerStored(rc, read, key, template);
                    } else {
                        rc.next();
                    }
                    return;
                }
            }
        }
        rc.next();
    }

    /**
     * Counts the request against its address's anonymous budget, as {@link RateLimitFilter} would,
     * and leaves the outcome for it: a request this door passes on is neither counted twice nor let
     * through when it had no room (the pipeline answers the 429).
     */
    private boolean roomFor(HttpServerRequest request) {
        long wait = limits.acquireAnonymous(request.getHeader("X-Forwarded-For"), request.remoteAddress());
        if (!VertxContext.isOnDuplicatedContext()) {
            return true;
        }
        ContextLocals.put(ANONYMOUS_COUNTED, wait);
        return wait == 0;
    }

    /**
     * A miss that a {@link StoredRead} answers: its bytes are read on a worker thread (JDBC
     * blocks) and kept in the cache exactly as the pipeline's render would keep them, then written
     * as a hit is. What it cannot answer, or a read that fails, goes on to the pipeline.
     */
    private void answerStored(RoutingContext rc, StoredRead read, String key, String template) {
        String path = rc.request().path();
        ContextLocals.put(TEMPLATE, template);
        Vertx.currentContext().<Cacheable.Rendered>executeBlocking(() -> stored(read, path, key, template), false)
                .onComplete(result -> {
                    if (rc.response().closed() || rc.response().ended()) {
                        return;
                    }
                    if (result.succeeded() && result.result() != null) {
                        storedHits.increment();
                        answer(rc, result.result());
                        return;
                    }
                    if (result.failed()) {
                        LOG.debugf(result.cause(), "Stored read of %s failed; the pipeline answers", path);
                    }
                    rc.next();
                });
    }

    private Cacheable.Rendered stored(StoredRead read, String path, String key, String template) {
        try {
            return cache.get(key, () -> cacheable.render(read.load(path).orElseThrow(NotStored::new), Cacheable.JSON,
                    template));
        } catch (NotStored e) {
            return null;
        }
    }

    /** The answer for a path its stored read leaves to the pipeline; never cached (a failed render is not). */
    private static final class NotStored extends RuntimeException {
        NotStored() {
            super(null, null, false, false);
        }
    }

    private void answer(RoutingContext rc, Cacheable.Rendered hit) {
        HttpServerRequest request = rc.request();
        if (hit.template() != null && VertxContext.isOnDuplicatedContext()) {
            // Request metrics are tagged by route template, as the pipeline would have tagged them.
            ContextLocals.put(TEMPLATE, hit.template());
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
