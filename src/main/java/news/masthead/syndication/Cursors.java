package news.masthead.syndication;

import java.time.Instant;
import java.util.UUID;
import news.masthead.common.paging.PageRequest;

/** Parts of a decoded cursor; anything malformed is the caller's bad cursor, a 400. */
final class Cursors {
    private Cursors() {
    }

    static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }
}
