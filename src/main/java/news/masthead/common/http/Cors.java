package news.masthead.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS by API: the Content API may be read from configured origins (any, by default) with GET;
 * the Admin API only from origins listed explicitly, and never from "*".
 */
@ApplicationScoped
public class Cors {
    private static final String ADMIN = "/api/v1/admin";
    private static final String ADMIN_METHODS = "GET, POST, PATCH, DELETE";
    private static final String ADMIN_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match";
    static final String EXPOSED = "ETag, Location, Retry-After, RateLimit, RateLimit-Policy";

    private final List<String> contentOrigins;
    private final List<String> adminOrigins;

    public Cors(CorsConfig config) {
        this.contentOrigins = config.contentOrigins().orElse(List.of());
        this.adminOrigins = config.adminOrigins().orElse(List.of()).stream().filter(o -> !o.equals("*")).toList();
    }

    @ServerRequestFilter(preMatching = true, priority = 5)
    public Optional<Response> preflight(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (!"OPTIONS".equals(request.getMethod()) || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return Optional.empty();
        }
        boolean admin = request.getUriInfo().getPath().startsWith(ADMIN);
        String allowed = allowedOrigin(origin, admin);
        Response.ResponseBuilder answer = Response.noContent().header("Vary", "Origin");
        if (allowed != null) {
            answer.header("Access-Control-Allow-Origin", allowed)
                    .header("Access-Control-Allow-Methods", admin ? ADMIN_METHODS : "GET, HEAD")
                    .header("Access-Control-Allow-Headers", admin ? ADMIN_HEADERS : "If-None-Match")
                    .header("Access-Control-Max-Age", "600");
        }
        return Optional.of(answer.build());
    }

    /**
     * {@code Vary: Origin} goes on every answer, with an Origin or without, errors and 304s
     * included: where only listed origins may read, a shared cache that stored the answer for one
     * origin (or for none) must not hand it to another.
     */
    @ServerResponseFilter
    public void annotate(ContainerRequestContext request, ContainerResponseContext response) {
        List<Object> vary = response.getHeaders().get("Vary");
        if (vary == null || vary.stream().noneMatch(v -> String.valueOf(v).contains("Origin"))) {
            response.getHeaders().add("Vary", "Origin");
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        boolean admin = request.getUriInfo().getPath().startsWith(ADMIN);
        if (!admin && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return;
        }
        String allowed = allowedOrigin(origin, admin);
        if (allowed != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", allowed);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    /** The Access-Control-Allow-Origin a Content API read from {@code origin} gets, or null. */
    String allowedContentOrigin(String origin) {
        return allowedOrigin(origin, false);
    }

    private String allowedOrigin(String origin, boolean admin) {
        if (admin) {
            return adminOrigins.contains(origin) ? origin : null;
        }
        if (contentOrigins.contains("*")) {
            return "*";
        }
        return contentOrigins.contains(origin) ? origin : null;
    }
}
