package news.masthead.common.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import news.masthead.common.error.TooManyRequestsException;
import news.masthead.common.http.RateLimiter.Quota;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API request counts against one budget per minute: a valid token's own (keyed by the token's
 * id, set by the identity provider as {@link #PARTITION}, so no spelling of the header buys a second
 * one), or else its client address's. A request that carries a token is therefore authenticated
 * here, before anything else, even on public operations: a bearer value that does not authenticate
 * is a request without a valid token, and counts against the address like one.
 *
 * <p>Failed authentications also count per address; after {@code auth-failures} of them within a
 * minute, requests from that address that carry a token are refused (429) until that minute ends,
 * before any lookup, valid token or not. That bounds how fast one address can guess secrets and
 * how much database work bogus tokens can cause.
 *
 * <p>Answers of token-authenticated APIs (Admin, Syndication, Preview) carry the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers-11)
 * of the budgets the request counted against. Public answers never do: they are
 * {@code Cache-Control: public}, and a shared cache would hand one client's quota to the next.
 */
@ApplicationScoped
public class RateLimitFilter {
    /** SecurityIdentity attribute naming the budget a token's requests count against. */
    public static final String PARTITION = "masthead.rate-limit.partition";
    static final String ADDRESS = "address";
    static final String TOKEN = "token";
    static final String AUTH_FAILURES = "auth-failures";
    private static final String QUOTAS = "masthead.rate-limit.quotas";
    private static final List<String> TOKEN_APIS = List.of("/api/v1/admin", "/api/v1/syndication", "/api/v1/preview");

    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final int anonymousPerMinute;
    private final int tokenPerMinute;
    private final int authFailuresPerMinute;

    public RateLimitFilter(RateLimiter limiter, ClientAddresses addresses, RateLimitConfig config) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.anonymousPerMinute = config.anonymousPerMinute();
        this.tokenPerMinute = config.tokenPerMinute();
        this.authFailuresPerMinute = config.authFailuresPerMinute();
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Uni<Void> limit(ContainerRequestContext request, RoutingContext rc) {
        Optional<Long> counted = VertxContext.isOnDuplicatedContext()
                ? ContextLocals.get(CachedReads.ANONYMOUS_COUNTED) : Optional.empty();
        if (counted.isPresent()) {
            // CachedReads already counted this request (one without credentials) against its
            // address and passed it on: refused when it found no room, not counted twice otherwise.
            return counted.get() > 0 ? Uni.createFrom().failure(new TooManyRequestsException(counted.get()))
                    : Uni.createFrom().voidItem();
        }
        if (anonymousPerMinute <= 0 && tokenPerMinute <= 0 && authFailuresPerMinute <= 0) {
            return Uni.createFrom().voidItem(); // limits off (benchmarks): authentication stays lazy, as without this filter
        }
        String address = addresses.bucketOf(request.getHeaderString("X-Forwarded-For"), rc.request().remoteAddress());
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return settle(request, anonymous(address, new ArrayList<>()));
        }
        if (authFailuresPerMinute > 0) {
            Quota failures = limiter.peek(AUTH_FAILURES, address, authFailuresPerMinute);
            if (failures.remaining() == 0) {
                return settle(request, List.of(failures));
            }
        }
        return QuarkusHttpUser.getSecurityIdentity(rc, null)
                .onItemOrFailure().transformToUni((identity, failure) -> {
                    if (failure != null && !(failure instanceof AuthenticationFailedException)) {
                        return Uni.createFrom().failure(failure);
                    }
                    return settle(request, failure == null ? counted(identity, address) : failed(address));
                });
    }

    /** Answers from token-authenticated APIs say what the request counted against. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isTokenApi(request.getUriInfo().getPath())) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Quota> quotas = (List<Quota>) request.getProperty(QUOTAS);
        if (quotas == null || quotas.isEmpty()) {
            return;
        }
        response.getHeaders().putSingle("RateLimit-Policy",
                quotas.stream().map(Quota::policyField).collect(Collectors.joining(", ")));
        response.getHeaders().putSingle("RateLimit",
                quotas.stream().map(Quota::limitField).collect(Collectors.joining(", ")));
    }

    /** Counts one anonymous request of the front door: 0 when it may be answered, else the seconds to wait. */
    long acquireAnonymous(String forwardedFor, SocketAddress peer) {
        if (anonymousPerMinute <= 0) {
            return 0;
        }
        Quota q = limiter.take(ADDRESS, addresses.bucketOf(forwardedFor, peer), anonymousPerMinute);
        return q.allowed() ? 0 : q.resetSeconds();
    }

    static boolean isTokenApi(String path) {
        for (String prefix : TOKEN_APIS) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    private List<Quota> counted(SecurityIdentity identity, String address) {
        String partition = identity == null || identity.isAnonymous() ? null : identity.getAttribute(PARTITION);
        if (partition == null) {
            // Credentials of a scheme we do not take (Basic, …) authenticate nobody: the address pays.
            return anonymous(address, new ArrayList<>());
        }
        List<Quota> quotas = new ArrayList<>();
        if (tokenPerMinute > 0) {
            quotas.add(limiter.take(TOKEN, partition, tokenPerMinute));
        }
        return quotas;
    }

    private List<Quota> failed(String address) {
        List<Quota> quotas = new ArrayList<>();
        if (authFailuresPerMinute > 0) {
            Quota failures = limiter.record(AUTH_FAILURES, address, authFailuresPerMinute);
            // This failure is counted, not refused: the lockout applies from the next request on.
            quotas.add(new Quota(failures.policy(), failures.limit(), failures.remaining(), failures.resetSeconds(), true));
        }
        return anonymous(address, quotas);
    }

    private List<Quota> anonymous(String address, List<Quota> quotas) {
        if (anonymousPerMinute > 0) {
            quotas.add(0, limiter.take(ADDRESS, address, anonymousPerMinute));
        }
        return quotas;
    }

    /** Keeps the quotas for the answer's headers; refuses the request when one of them had no room. */
    private static Uni<Void> settle(ContainerRequestContext request, List<Quota> quotas) {
        request.setProperty(QUOTAS, quotas);
        Quota refused = null;
        for (Quota q : quotas) {
            if (!q.allowed() && (refused == null || q.resetSeconds() > refused.resetSeconds())) {
                refused = q;
            }
        }
        if (refused == null) {
            return Uni.createFrom().voidItem();
        }
        long wait = refused.resetSeconds();
        return Uni.createFrom().failure(AUTH_FAILURES.equals(refused.policy())
                ? new TooManyRequestsException(wait, "Too many failed authentications from your address; requests that "
                        + "carry a token are refused for " + wait + " more seconds.")
                : new TooManyRequestsException(wait));
    }
}
