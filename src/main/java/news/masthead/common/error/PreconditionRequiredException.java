package news.masthead.common.error;

public class PreconditionRequiredException extends DomainException {
    public PreconditionRequiredException() {
        super("This write needs an If-Match header with the article's current ETag, so that no edit is lost.");
    }
}
