package news.masthead.syndication.ninjs;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import news.masthead.article.body.Block;
import news.masthead.article.body.Embed;
import news.masthead.article.body.Heading;
import news.masthead.article.body.Html;
import news.masthead.article.body.Image;
import news.masthead.article.body.ListBlock;
import news.masthead.article.body.Paragraph;
import news.masthead.article.body.Promo;
import news.masthead.article.body.Quote;

/**
 * An article body as one HTML string. Inline text ({@code text}, {@code caption},
 * {@code attribution}, list items) was sanitized on write and is inserted as it is; everything
 * else (URLs, alt text, credits) is escaped here. Syndication leaves promo lines (our own
 * newsletter and app) and custom html blocks (our own widgets) out: a partner publishes the
 * story, not our page furniture.
 */
public final class BodyHtml {

    /** Block kinds that are left out unless asked for. */
    public enum Include { CUSTOM_HTML, PROMOS }

    private BodyHtml() {
    }

    /** The body as partners get it: no promos, no custom html. */
    public static String syndication(List<Block> body) {
        return render(body, EnumSet.noneOf(Include.class));
    }

    /** The blocks a rendering with {@code include} keeps, in order (for word counts and the like). */
    public static List<Block> kept(List<Block> body, Set<Include> include) {
        return (body == null ? List.<Block>of() : body).stream().filter(b -> keeps(b, include)).toList();
    }

    public static String render(List<Block> body, Set<Include> include) {
        StringBuilder out = new StringBuilder();
        for (Block b : kept(body, include)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            block(out, b);
        }
        return out.toString();
    }

    private static boolean keeps(Block b, Set<Include> include) {
        if (b instanceof Html) {
            return include.contains(Include.CUSTOM_HTML);
        }
        if (b instanceof Promo) {
            return include.contains(Include.PROMOS);
        }
        return true;
    }

    // Java 17 has no pattern matching for switch; this chain covers every permitted Block type and
    // fails loudly on a new one, so no renderer can silently drop it.
    private static void block(StringBuilder out, Block b) {
        if (b instanceof Paragraph p) {
            out.append("<p>").append(p.text()).append("</p>");
        } else if (b instanceof Heading h) {
            int level = h.level() == null ? 2 : Math.max(2, Math.min(6, h.level()));
            out.append("<h").append(level).append('>').append(h.text()).append("</h").append(level).append('>');
        } else if (b instanceof Quote q) {
            out.append("<blockquote><p>").append(q.text()).append("</p>");
            if (q.attribution() != null && !q.attribution().isBlank()) {
                out.append("<footer>").append(q.attribution()).append("</footer>");
            }
            out.append("</blockquote>");
        } else if (b instanceof ListBlock l) {
            String tag = Boolean.TRUE.equals(l.ordered()) ? "ol" : "ul";
            out.append('<').append(tag).append('>');
            for (String item : l.items()) {
                out.append("<li>").append(item).append("</li>");
            }
            out.append("</").append(tag).append('>');
        } else if (b instanceof Image i) {
            out.append("<figure><img src=\"").append(attr(i.url())).append("\" alt=\"")
                    .append(attr(i.alt() == null ? "" : i.alt())).append("\" />");
            boolean caption = i.caption() != null && !i.caption().isBlank();
            boolean credit = i.credit() != null && !i.credit().isBlank();
            if (caption || credit) {
                out.append("<figcaption>");
                if (caption) {
                    out.append(i.caption());
                }
                if (credit) {
                    out.append(caption ? " " : "").append("<small>").append(text(i.credit())).append("</small>");
                }
                out.append("</figcaption>");
            }
            out.append("</figure>");
        } else if (b instanceof Embed e) {
            out.append("<p><a href=\"").append(attr(e.url())).append("\">").append(text(e.url())).append("</a></p>");
        } else if (b instanceof Html h) {
            out.append(h.html());
        } else if (b instanceof Promo p) {
            out.append("<p class=\"promo\">").append(p.text());
            if (p.url() != null) {
                out.append(" <a href=\"").append(attr(p.url())).append("\">").append(text(p.url())).append("</a>");
            }
            out.append("</p>");
        } else {
            throw new IllegalStateException("No HTML rendering for block " + b.getClass().getSimpleName());
        }
    }

    /** Escapes plain text for an element's content. */
    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes a value for a double-quoted attribute (quotes of both kinds included). */
    public static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
