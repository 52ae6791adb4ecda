package news.masthead.common.paging;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A validated {@code limit} and the position after which a list ordered by an instant and an id
 * continues (both null on the first page).
 *
 * <p>Its cursor is the position as 28 bytes (the instant's epoch seconds and nanoseconds, then the
 * id), base64url: 38 characters that a read turns back into the position without parsing text.
 * Page 200 of a list costs what page 1 does only if the cursor costs next to nothing: the earlier
 * text form (an ISO instant and a UUID, 88 characters) took a twentieth of a cold page's Java time
 * to decode, check and hash (issue #19). A cursor of that form is still read, so a client paging
 * across an upgrade is not turned away.
 */
public record KeysetPage(int limit, Instant afterAt, UUID afterId) {
    private static final int BYTES = Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
    private static final int LENGTH = (BYTES * 4 + 2) / 3;
    /** PostgreSQL's timestamptz range: a position outside it is no cursor a list handed out. */
    private static final Instant FIRST = Instant.parse("-4713-11-24T00:00:00Z");
    private static final Instant LAST = Instant.parse("+294276-12-31T23:59:59.999999Z");

    public static KeysetPage parse(String limit, String cursor) {
        if (cursor == null || cursor.length() != LENGTH) {
            PageRequest page = PageRequest.parse(limit, cursor, 2);
            return page.after().map(parts -> at(page.limit(), CursorParts.instant(parts.get(0)), CursorParts.uuid(parts.get(1))))
                    .orElseGet(() -> new KeysetPage(page.limit(), null, null));
        }
        int size = PageRequest.parse(limit, null, 2).limit();
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            if (bytes.remaining() == BYTES) {
                long seconds = bytes.getLong();
                int nanos = bytes.getInt();
                if (nanos >= 0 && nanos < 1_000_000_000) {
                    return at(size, Instant.ofEpochSecond(seconds, nanos), new UUID(bytes.getLong(), bytes.getLong()));
                }
            }
        } catch (IllegalArgumentException | DateTimeException ignored) {
            // answered below
        }
        throw PageRequest.badCursor();
    }

    /** The cursor of the position {@code at}, {@code id}: the last row of a page that has more. */
    public static String cursor(Instant at, UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).putLong(at.getEpochSecond()).putInt(at.getNano())
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static KeysetPage at(int limit, Instant at, UUID id) {
        if (at.isBefore(FIRST) || at.isAfter(LAST)) {
            throw PageRequest.badCursor();
        }
        return new KeysetPage(limit, at, id);
    }
}
