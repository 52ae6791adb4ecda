package news.masthead.article.body;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owasp.html.AttributePolicy;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The two allowlists of the contract, applied once on write so that nothing stored can run in a
 * reader's browser: inline text keeps {@code <a href>}, {@code <em>}, {@code <strong>}; custom html
 * keeps ordinary markup and iframes from configured hosts only.
 */
@ApplicationScoped
public class Sanitizer {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");

    private final PolicyFactory inline;
    private final PolicyFactory html;

    public Sanitizer(@ConfigProperty(name = "masthead.html.iframe-hosts") List<String> iframeHosts) {
        Set<String> hosts = iframeHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.inline = new HtmlPolicyBuilder()
                .allowElements("a", "em", "strong")
                .allowAttributes("href").onElements("a")
                .allowStandardUrlProtocols()
                .toFactory();
        AttributePolicy iframeSrc = (element, attribute, value) -> allowedFrame(value, hosts) ? value : null;
        ElementPolicy iframeNeedsSrc = (element, attributes) -> attributes.contains("src") ? element : null;
        this.html = new HtmlPolicyBuilder()
                .allowCommonBlockElements()
                .allowCommonInlineFormattingElements()
                .allowElements("a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
                        "caption", "hr", "pre", "code", "cite", "section", "aside", "header", "footer", "dl", "dt", "dd")
                .allowAttributes("href", "title").onElements("a")
                .allowAttributes("src", "alt", "width", "height").onElements("img")
                .allowAttributes("colspan", "rowspan").onElements("td", "th")
                .allowAttributes("class").globally()
                .allowStandardUrlProtocols()
                .allowElements(iframeNeedsSrc, "iframe")
                .allowAttributes("src").matching(iframeSrc).onElements("iframe")
                .allowAttributes("width", "height", "title", "allowfullscreen").onElements("iframe")
                .toFactory();
    }

    public String inline(String text) {
        return inline.sanitize(text);
    }

    public String html(String markup) {
        return html.sanitize(markup);
    }

    private static boolean allowedFrame(String src, Set<String> hosts) {
        try {
            URI uri = new URI(src.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (Exception e) {
            return false;
        }
    }

    /** Markup to the words a reader sees: tags dropped, entities decoded, spaces folded. */
    public static String textOf(String markup) {
        String noTags = TAG.matcher(markup).replaceAll(" ");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                try {
                    int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                            : Integer.parseInt(entity.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
                } catch (NumberFormatException tooLong) {
                    yield "";
                }
            }
        };
    }
}
