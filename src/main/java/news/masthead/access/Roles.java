package news.masthead.access;

import java.util.Set;

/**
 * The roles of the contract, and the permissions derived from a token's role and its desk limit;
 * resource methods name either in {@code @RolesAllowed}.
 *
 * <p>The permissions are granted in one place, {@link #granted}, when a secret is authenticated:
 * a desk token (one limited to sections) never holds them, whatever its role, so every endpoint
 * that names one is closed to it without a check of its own. A new endpoint that manages shared
 * data names a permission and is closed to desks by default.
 */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String WRITER = "writer";
    public static final String PARTNER = "partner";

    /** Create, change and delete authors, sections and copyright notices: editors and admins of no desk. */
    public static final String MANAGE_SHARED = "permission:manage-shared";
    /** Manage tokens, partners and webhooks: an admin of no desk. */
    public static final String MANAGE_ACCESS = "permission:manage-access";

    private Roles() {
    }

    /** Everything a token with this role holds, given whether it is limited to sections. */
    public static Set<String> granted(String role, boolean deskLimited) {
        if (deskLimited) {
            return Set.of(role);
        }
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, MANAGE_SHARED, MANAGE_ACCESS);
            case EDITOR -> Set.of(EDITOR, MANAGE_SHARED);
            default -> Set.of(role);
        };
    }
}
