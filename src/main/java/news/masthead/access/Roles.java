package news.masthead.access;

/** The roles of the contract; resource methods name them in {@code @RolesAllowed}. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String WRITER = "writer";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
