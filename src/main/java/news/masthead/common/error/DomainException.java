package news.masthead.common.error;

/** A use case refused a request. Carries no HTTP: {@code ProblemMapper} decides how it looks on the wire. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
