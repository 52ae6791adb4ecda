package news.masthead.preview;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import news.masthead.access.Roles;

/**
 * Who may call a preview read that also opens to a preview link: a bearer of a role that previews
 * (admin, editor, writer), or anyone presenting a link secret in {@code token}, which
 * {@link PreviewService} then holds to that link's one article. Bound to the endpoint with
 * {@code @AuthorizationPolicy(name = PreviewPermission.NAME)}, so the permission is declared where
 * the endpoint is, like a role list, and fails closed: with neither, an anonymous caller gets 401
 * and any other role 403 before the endpoint runs.
 */
@ApplicationScoped
public class PreviewPermission implements HttpSecurityPolicy {
    public static final String NAME = "preview-article";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        if (request.queryParams().contains("token")) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(i -> i.hasRole(Roles.ADMIN) || i.hasRole(Roles.EDITOR) || i.hasRole(Roles.WRITER)
                ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
