package news.masthead.testsupport;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks the Vert.x context of a request that carries {@link RequestStatements#HEADER}, before any
 * other route: reads answered before the JAX-RS pipeline run their statements on a worker thread
 * of that context, which {@link RequestStatementsFilter} never sees.
 */
@ApplicationScoped
public class RequestStatementsRoute {
    private static final String KEY = "masthead.test.count-statements";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().getHeader(RequestStatements.HEADER) != null && VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(KEY, Boolean.TRUE);
            }
            rc.next();
        });
    }

    static boolean marked() {
        return VertxContext.isOnDuplicatedContext() && ContextLocals.<Boolean>get(KEY).orElse(false);
    }
}
