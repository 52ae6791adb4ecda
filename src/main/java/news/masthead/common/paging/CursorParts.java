package news.masthead.common.paging;

import java.time.Instant;
import java.util.UUID;

/** Parts of a decoded cursor; anything malformed is the caller's bad cursor, a 400. */
public final class CursorParts {
    private CursorParts() {
    }

    public static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }
}
