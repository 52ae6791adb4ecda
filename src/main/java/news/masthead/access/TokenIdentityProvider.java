package news.masthead.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import news.masthead.common.http.RateLimitFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a bearer secret into an identity: the bootstrap admin token from
 * {@code MASTHEAD_ADMIN_TOKEN}, or a live token issued through the Admin API.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    static final String TOKEN = "masthead.token";
    /** The bootstrap token has no row; its requests count against this fixed budget. */
    static final String BOOTSTRAP_PARTITION = "bootstrap-admin";

    private final Optional<String> adminToken;
    private final TokenService tokens;

    public TokenIdentityProvider(@ConfigProperty(name = "masthead.admin-token") Optional<String> adminToken,
                                 TokenService tokens) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        if (adminToken.isPresent() && constantTimeEquals(adminToken.get(), secret)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(BOOTSTRAP_NAME))
                    .addRole(Roles.ADMIN)
                    .addAttribute(RateLimitFilter.PARTITION, BOOTSTRAP_PARTITION)
                    .build());
        }
        return context.runBlocking(() -> tokens.authenticate(secret)
                .map(TokenIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(TokenIdentity token) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(token.name()))
                .addRole(token.role())
                .addAttribute(TOKEN, token)
                // Keyed by id: however the header spells the secret, one token has one budget.
                .addAttribute(RateLimitFilter.PARTITION, token.tokenId().toString())
                .build();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return Secrets.constantTimeEquals(Secrets.hash(expected), Secrets.hash(given));
    }
}
