package news.masthead.common.cache;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A public representation with the surrogate keys of everything it shows, so a CDN can purge
 * exactly the responses that contain a changed article, author, section or notice. A
 * representation that moved carries the location instead of a body; one that is gone for good (a
 * killed article) carries the problem detail instead. Both are answers like any other: cached,
 * tagged, and purged when what they name changes again. {@code etag}, when set, is the ETag of
 * the body's bytes computed when they were stored; null: hashed when the answer is rendered.
 */
public record Tagged<T>(T body, Set<String> keys, URI movedTo, String goneDetail, String etag) {

    public Tagged(T body, Set<String> keys, URI movedTo, String goneDetail) {
        this(body, keys, movedTo, goneDetail, null);
    }

    public static <T> Tagged<T> of(T body, Collection<String> keys) {
        return new Tagged<>(body, new LinkedHashSet<>(keys), null, null);
    }

    /** Bytes stored with their ETag ({@code ETags.of} of exactly them), so that no read hashes them again. */
    public static Tagged<byte[]> stored(byte[] body, Collection<String> keys, String etag) {
        return new Tagged<>(body, new LinkedHashSet<>(keys), null, null, etag);
    }

    public static <T> Tagged<T> moved(URI location, Collection<String> keys) {
        return new Tagged<>(null, new LinkedHashSet<>(keys), location, null);
    }

    /** A 410: the resource existed and was withdrawn on purpose; {@code detail} says so to the reader. */
    public static <T> Tagged<T> gone(String detail, Collection<String> keys) {
        return new Tagged<>(null, new LinkedHashSet<>(keys), null, detail);
    }
}
