package news.masthead.common.error;

/** What was asked for existed and was withdrawn for good (a killed article): a 410, not a 404. */
public class GoneException extends DomainException {
    public GoneException(String message) {
        super(message);
    }
}
