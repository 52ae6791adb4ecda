package news.masthead.testsupport;

/** Problem types and the media type the tests expect on errors. */
public final class Problems {
    public static final String JSON = "application/problem+json";
    public static final String VALIDATION = "urn:masthead:problem:validation";
    public static final String CONFLICT = "urn:masthead:problem:conflict";
    public static final String NOT_FOUND = "urn:masthead:problem:not-found";
    public static final String UNAUTHORIZED = "urn:masthead:problem:unauthorized";
    public static final String BUSY = "urn:masthead:problem:busy";

    private Problems() {
    }
}
