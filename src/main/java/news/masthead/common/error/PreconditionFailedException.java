package news.masthead.common.error;

/** The caller's If-Match names a revision that is no longer current. */
public class PreconditionFailedException extends DomainException {
    private final int currentRevision;

    public PreconditionFailedException(int currentRevision) {
        super("The article has changed: its current revision is " + currentRevision
                + ". Read it again, reapply your change and send If-Match: \"" + currentRevision + "\".");
        this.currentRevision = currentRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
