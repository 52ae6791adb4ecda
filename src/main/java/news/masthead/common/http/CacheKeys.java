package news.masthead.common.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The content cache's key for a request target: one key for every spelling the pipeline reads
 * alike, so {@code ?a=1&b=2} and {@code ?b=2&a=1}, or {@code %61} and {@code a}, share one entry
 * instead of each rendering and holding its own (and a client cannot bypass the cache, or fill it,
 * by respelling one request).
 *
 * <p>Only spellings that are certainly equal are merged: percent-escapes of unreserved characters
 * are decoded and other escapes written in upper case (RFC 3986, 6.2.2.1 and 6.2.2.2), and query
 * parameters are ordered by name. Parameters of one name keep their order (JAX-RS reads the first
 * of repeated ones), and {@code +}, which some readers take for a space, is left as it is.
 */
final class CacheKeys {
    private CacheKeys() {
    }

    static String of(String rawPath, String rawQuery) {
        String path = normalize(rawPath);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        if (alreadyCanonical(rawQuery)) {
            return path + "?" + rawQuery; // the common case, on every cache hit: no splitting, no sorting
        }
        List<String> params = new ArrayList<>();
        for (String param : rawQuery.split("&", -1)) {
            params.add(normalize(param));
        }
        params.sort(Comparator.comparing(CacheKeys::name)); // List.sort is stable
        return path + "?" + String.join("&", params);
    }

    /** No escapes, and names already in order (a frontend builds its URLs the same way every time). */
    private static boolean alreadyCanonical(String query) {
        if (query.indexOf('%') >= 0) {
            return false;
        }
        int previousStart = -1;
        int previousEnd = -1;
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            if (previousStart >= 0 && compare(query, previousStart, previousEnd, start, nameEnd) > 0) {
                return false;
            }
            previousStart = start;
            previousEnd = nameEnd;
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return true;
    }

    private static int compare(String s, int aStart, int aEnd, int bStart, int bEnd) {
        int n = Math.min(aEnd - aStart, bEnd - bStart);
        for (int i = 0; i < n; i++) {
            int d = s.charAt(aStart + i) - s.charAt(bStart + i);
            if (d != 0) {
                return d;
            }
        }
        return (aEnd - aStart) - (bEnd - bStart);
    }

    private static String name(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? param : param.substring(0, eq);
    }

    static String normalize(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = c == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                out.append(c); // not an escape: left for the pipeline to judge, spelled as sent
                continue;
            }
            char decoded = (char) (hi * 16 + lo);
            if (unreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(Character.toUpperCase(raw.charAt(i + 1))).append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
