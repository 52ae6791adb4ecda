package news.masthead.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making this request, as the services need it: a name for audit fields and revisions,
 * and the limits of its token. Work that no token started (start-up, scheduled jobs) is "system".
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    public Optional<UUID> tokenId() {
        return token().map(TokenIdentity::tokenId);
    }

    /** The sections (with subsections) this caller is limited to; empty when it is not limited. */
    public Optional<Set<UUID>> sectionScope() {
        return token().flatMap(TokenIdentity::sectionScope);
    }

    /** A writer may only draft: it edits its own unpublished articles and publishes nothing. */
    public boolean isWriterOnly() {
        return identity.hasRole(Roles.WRITER) && !identity.hasRole(Roles.EDITOR) && !identity.hasRole(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public Optional<UUID> partnerId() {
        return token().map(TokenIdentity::partnerId);
    }

    private Optional<TokenIdentity> token() {
        return identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.TOKEN));
    }
}
