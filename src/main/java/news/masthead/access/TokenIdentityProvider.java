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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a bearer secret into an identity. The bootstrap admin token comes from
 * {@code MASTHEAD_ADMIN_TOKEN}; with none configured, no token is accepted.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final Optional<String> adminToken;

    public TokenIdentityProvider(@ConfigProperty(name = "masthead.admin-token") Optional<String> adminToken) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
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
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException());
    }

    static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
