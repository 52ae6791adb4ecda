package news.masthead.common.error;

/** The stable problem types Masthead answers with; their URIs never change once published. */
public enum ProblemType {
    BAD_REQUEST("bad-request", "Bad Request", 400),
    VALIDATION("validation", "Invalid Request", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not Found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not Acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    GONE("gone", "Gone", 410),
    PRECONDITION_FAILED("precondition-failed", "Precondition Failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload Too Large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", 415),
    PRECONDITION_REQUIRED("precondition-required", "Precondition Required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too Many Requests", 429),
    INTERNAL("internal", "Internal Server Error", 500),
    UNAVAILABLE("unavailable", "Service Unavailable", 503),
    /** PostgreSQL aborted the write for a concurrent one (serialization failure, deadlock): retrying succeeds. */
    WRITE_CONFLICT("write-conflict", "Concurrent Write", 409),
    /** The write waited longer than lock_timeout for a row another request holds. */
    LOCK_TIMEOUT("lock-timeout", "Resource Busy", 503),
    /** Too many requests of the same costly kind (a search) are running; this one waited its turn and was not run. */
    BUSY("busy", "Too Busy", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:masthead:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != VALIDATION && t != MALFORMED_JSON) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
