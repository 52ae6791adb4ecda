package news.masthead.common.error;

public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
