package news.masthead.article.body;

import java.util.List;
import java.util.stream.Collectors;

/** The words of a body that search indexes and snippets quote. */
public final class SearchText {
    /**
     * Marks ts_headline puts around a hit. Private-use characters, removed from the indexed text,
     * so a mark in a snippet can only be ours and the rest can be escaped as plain text.
     */
    public static final char HIT_START = '\uE000';
    public static final char HIT_END = '\uE001';

    private SearchText() {
    }

    /**
     * Promo blocks are left out: the same newsletter or app line runs under many articles, and
     * a search for "app" should find stories about apps, not every story that advertises ours.
     */
    public static String of(List<Block> body) {
        return body.stream()
                .filter(b -> !(b instanceof Promo))
                .map(Block::plainText)
                .filter(t -> !t.isBlank())
                .map(SearchText::clean)
                .collect(Collectors.joining("\n"));
    }

    /**
     * A ts_headline result as safe HTML: the text is escaped (plain text may hold a literal
     * "<script>"), then only our own marks become {@code <mark>} tags. Blank: null, no snippet.
     */
    public static String highlighted(String headline) {
        if (headline == null || headline.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case HIT_START -> out.append("<mark>");
                case HIT_END -> out.append("</mark>");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Drops our hit marks and control characters PostgreSQL text cannot hold or should not quote. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == HIT_START || c == HIT_END || c == '\u0000') {
                continue;
            }
            out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
