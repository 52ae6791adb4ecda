package news.masthead.common.error;

public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
