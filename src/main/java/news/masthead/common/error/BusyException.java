package news.masthead.common.error;

/**
 * The request was not run because too many like it are running already; nothing was read or
 * changed, and the same request can be sent again after {@code retryAfterSeconds}.
 */
public class BusyException extends DomainException {
    private final long retryAfterSeconds;

    public BusyException(long retryAfterSeconds, String detail) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
