package news.masthead.common.error;

public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.");
    }
}
