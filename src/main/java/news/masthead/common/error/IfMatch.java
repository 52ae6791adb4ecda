package news.masthead.common.error;

/** A revisioned resource's ETag (articles, collections) is its revision in quotes; If-Match must name the current one. */
public final class IfMatch {
    private IfMatch() {
    }

    public static void check(String header, int currentRevision) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String current = "\"" + currentRevision + "\"";
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals(current)) {
                return;
            }
        }
        // "*" and weak tags never match: a write must name the revision it was based on.
        throw new PreconditionFailedException(currentRevision);
    }
}
