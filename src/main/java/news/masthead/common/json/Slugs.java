package news.masthead.common.json;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs of the contract: {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, at most 120 characters. */
public final class Slugs {
    public static final String REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Trump to meet Putin in ‘Budapest’…" becomes "trump-to-meet-putin-in-budapest". */
    public static String derive(String text, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            String cut = slug.substring(0, MAX_LENGTH);
            int lastDash = cut.lastIndexOf('-');
            slug = trimDashes(lastDash > MAX_LENGTH / 2 ? cut.substring(0, lastDash) : cut);
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** A derived slug with "-2", "-3", … appended, still within the length limit. */
    public static String withSuffix(String slug, int n) {
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH - suffix.length()) : slug;
        return trimDashes(base) + suffix;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
