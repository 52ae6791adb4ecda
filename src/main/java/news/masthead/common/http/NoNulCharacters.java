package news.masthead.common.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import news.masthead.common.error.InvalidException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** PostgreSQL text cannot hold U+0000, so no path segment or query value may carry one. */
public class NoNulCharacters {

    @ServerRequestFilter(preMatching = true, priority = 20)
    public void refuse(ContainerRequestContext request, HttpServerRequest http) {
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            throw new InvalidException("path", "must not contain NUL characters");
        }
        // A query decodes to a NUL only from "%00" (or a raw one): the raw query is searched first,
        // so that a request without one pays no second decoding of every parameter just to look.
        String query = http.query();
        if (query == null || query.indexOf("%00") < 0 && query.indexOf('\u0000') < 0) {
            return;
        }
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            if (param.getKey().indexOf('\u0000') >= 0 || param.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                throw new InvalidException(param.getKey().replace('\u0000', '?'), "must not contain NUL characters");
            }
        }
    }
}
