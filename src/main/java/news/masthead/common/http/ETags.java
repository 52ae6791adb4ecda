package news.masthead.common.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The strong ETag of a public answer: a hash of exactly its bytes, so equal content has an equal
 * ETag on every instance, whether it was computed when the answer was rendered for a request or
 * when its document was stored (issue #19).
 */
public final class ETags {
    private ETags() {
    }

    public static String of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
