package news.masthead.preview.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every preview answer, errors included, is for its caller's eyes only: no shared cache may keep
 * it, no search engine index it, and a link's secret in the page URL must not travel on in a
 * Referer to whatever the previewed page links to.
 */
public class PreviewHeaders {
    static final String PREFIX = "/api/v1/preview";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith(PREFIX)) {
            response.getHeaders().putSingle("Cache-Control", "private, no-store");
            response.getHeaders().putSingle("X-Robots-Tag", "noindex");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }
}
