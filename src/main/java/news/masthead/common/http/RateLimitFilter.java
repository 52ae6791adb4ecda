package news.masthead.common.http;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import news.masthead.common.error.TooManyRequestsException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests with a bearer token are limited per token; anonymous ones per client address.
 * X-Forwarded-For is believed only when the connection comes from a configured proxy.
 */
@ApplicationScoped
public class RateLimitFilter {
    private final RateLimiter limiter;
    private final int anonymousPerMinute;
    private final int tokenPerMinute;
    private final List<String> trustedProxies;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.anonymousPerMinute = config.anonymousPerMinute();
        this.tokenPerMinute = config.tokenPerMinute();
        this.trustedProxies = config.trustedProxies().orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void limit(ContainerRequestContext request, HttpServerRequest connection) {
        Optional<Long> taken = VertxContext.isOnDuplicatedContext()
                ? ContextLocals.get(CachedReads.RATE_LIMIT_WAIT) : Optional.empty();
        if (taken.isPresent()) {
            // CachedReads already took this request's token and found the bucket empty.
            throw new TooManyRequestsException(taken.get());
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean withToken = authorization != null && !authorization.isBlank();
        int perMinute = withToken ? tokenPerMinute : anonymousPerMinute;
        if (perMinute <= 0) {
            return;
        }
        String key = withToken ? "token:" + sha256(authorization) : "addr:" + clientAddress(request, connection);
        long wait = limiter.acquire(key, perMinute, System.nanoTime());
        if (wait > 0) {
            throw new TooManyRequestsException(wait);
        }
    }

    /** Takes one anonymous request from the client's bucket: 0 when allowed (or unlimited), else the seconds to wait. */
    long acquireAnonymous(String forwardedFor, SocketAddress peer) {
        if (anonymousPerMinute <= 0) {
            return 0;
        }
        return limiter.acquire("addr:" + clientAddress(forwardedFor, peer), anonymousPerMinute, System.nanoTime());
    }

    String clientAddress(ContainerRequestContext request, HttpServerRequest connection) {
        return clientAddress(request.getHeaderString("X-Forwarded-For"), connection.remoteAddress());
    }

    private String clientAddress(String forwarded, SocketAddress remote) {
        String peer = remote == null ? "unknown" : remote.hostAddress();
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        // The rightmost address our own proxies did not add is the client as far as we can know.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
