package news.masthead.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is making this request, as the services need it: a name for audit fields and revisions.
 * Work that no token started (start-up, scheduled jobs) is done by "system".
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
