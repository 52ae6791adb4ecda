package news.masthead.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import news.masthead.common.error.InvalidException;

/**
 * A validated {@code limit} and an opaque {@code cursor}. A cursor is base64url of its key parts,
 * so callers cannot rely on its shape and we can change it later.
 */
public record PageRequest(int limit, Optional<List<String>> after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest parse(String limit, String cursor, int cursorParts) {
        return new PageRequest(parseLimit(limit), Optional.ofNullable(cursor).map(c -> decode(c, cursorParts)));
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(text.split("\n", -1));
            if (values.size() == parts) {
                return values;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw badCursor();
    }

    public static InvalidException badCursor() {
        return new InvalidException("cursor", "is not a cursor this list handed out");
    }
}
