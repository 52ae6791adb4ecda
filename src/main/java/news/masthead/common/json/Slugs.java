package news.masthead.common.json;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import news.masthead.common.error.ConflictException;

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

    /**
     * The slug a write ends with. A requested slug must be free (a 409 naming it); without one,
     * the current slug stays while its source text (headline, name) is unchanged; otherwise one is
     * derived from the source and suffixed until it is free.
     */
    public static String choose(String requested, String current, boolean sourceUnchanged, String source, String kind,
                                Predicate<String> taken) {
        if (requested != null) {
            if (!requested.equals(current) && taken.test(requested)) {
                throw new ConflictException("The slug '" + requested + "' is taken by another " + kind + ".");
            }
            return requested;
        }
        if (current != null && sourceUnchanged) {
            return current;
        }
        String base = derive(source, kind);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = withSuffix(base, n);
        }
        return candidate;
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
