package news.masthead.common.cache;

/**
 * A PostgreSQL WAL position ({@code pg_lsn}, written {@code 16/B374D848}) as a byte offset, which
 * is what {@code pg_lsn - '0/0'} answers. Cache notifications start with the writer's position.
 */
public final class WalPosition {
    private WalPosition() {
    }

    /** The position at the start of a cache notification's payload, or 0 when there is none. */
    public static long parsePayload(String payload) {
        if (payload == null) {
            return 0;
        }
        int space = payload.indexOf(' ');
        String first = space < 0 ? payload : payload.substring(0, space);
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return 0;
        }
        try {
            return (Long.parseLong(first.substring(0, slash), 16) << 32) | Long.parseLong(first.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
