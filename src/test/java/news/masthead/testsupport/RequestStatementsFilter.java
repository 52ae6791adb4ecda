package news.masthead.testsupport;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Marks the thread serving a request that carries {@link RequestStatements#HEADER}, for its statements to count. */
public class RequestStatementsFilter {
    /** Runs on the thread that runs the resource method (after the switch to a worker for blocking ones). */
    @ServerRequestFilter
    public void mark(ContainerRequestContext request) {
        RequestStatements.mark(request.getHeaderString(RequestStatements.HEADER) != null);
    }

    @ServerResponseFilter
    public void unmark() {
        RequestStatements.mark(false);
    }
}
