package news.masthead.common.error;

public class TooManyRequestsException extends DomainException {
    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        this(retryAfterSeconds, "Too many requests; retry after " + retryAfterSeconds + " seconds.");
    }

    public TooManyRequestsException(long retryAfterSeconds, String detail) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
