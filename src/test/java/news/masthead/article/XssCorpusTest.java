package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A corpus of XSS payloads through html blocks and inline text: nothing executable comes back. */
@QuarkusTest
class XssCorpusTest {
    private static final Pattern TAG = Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Set<String> DANGEROUS_TAGS = Set.of("script", "svg", "math", "object", "embed", "style", "link",
            "meta", "base", "form", "input", "button", "textarea", "frame", "frameset", "applet", "template", "xml", "isindex");

    static List<String> corpus() {
        List<String> vectors = List.of(
                "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<img src=x onerror=alert(1)>", "<img src=\"javascript:alert(1)\">", "<img src=data:image/svg+xml;base64,PHN2Zz4=>",
                "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<svg><animate onbegin=alert(1) attributeName=x>",
                "<math><mtext><script>alert(1)</script></mtext></math>", "<body onload=alert(1)>", "<iframe src=javascript:alert(1)>",
                "<iframe srcdoc=\"<script>alert(1)</script>\">", "<iframe src=\"https://evil.example/\"></iframe>",
                "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=x onclick=alert(1)>x</a>", "<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">x</a>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>", "<div style=\"width:expression(alert(1))\">x</div>",
                "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>", "<form action=javascript:alert(1)><input type=submit>",
                "<button formaction=javascript:alert(1)>x</button>", "<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>",
                "<video><source onerror=alert(1)></video>", "<audio src=x onerror=alert(1)>", "<marquee onstart=alert(1)>",
                "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">", "<link rel=stylesheet href=javascript:alert(1)>",
                "<base href=javascript:alert(1)//>", "<style>@import 'javascript:alert(1)';</style>", "<table background=javascript:alert(1)>",
                "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)", "</p><script>alert(1)</script><p>",
                "<p title=\"</p><script>alert(1)</script>\">x</p>", "<img \"\"\"><script>alert(1)</script>\">", "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<template><script>alert(1)</script></template>",
                "<xmp><script>alert(1)</script></xmp>", "<a href=\"\\x01javascript:alert(1)\">x</a>", "<isindex action=javascript:alert(1) type=submit>");
        Set<String> corpus = new LinkedHashSet<>();
        for (String v : vectors) {
            corpus.add(v);
            corpus.add(v.toUpperCase(Locale.ROOT));
            corpus.add("<p>" + v + "</p>");
            corpus.add("<div class=\"x\">" + v + "<em>tail</em></div>");
            corpus.add("Text before " + v + " text after");
        }
        return new ArrayList<>(corpus);
    }

    @Test
    void corpusThroughHtmlBlocksComesBackWithNothingExecutable() {
        List<String> payloads = corpus();
        assertTrue(payloads.size() >= 200, "corpus has " + payloads.size());
        List<String> faults = new ArrayList<>();
        for (int from = 0; from < payloads.size(); from += 250) {
            List<String> chunk = payloads.subList(from, Math.min(from + 250, payloads.size()));
            List<Map<String, Object>> html = chunk.stream().<Map<String, Object>>map(p -> Map.of("type", "html", "html", p)).toList();
            List<Map<String, Object>> inline = chunk.stream().<Map<String, Object>>map(p -> Map.of("type", "paragraph", "text", p)).toList();
            List<Map<String, Object>> quotes = chunk.stream().<Map<String, Object>>map(p -> Map.of("type", "quote", "text", p, "attribution", p)).toList();
            for (List<Map<String, Object>> body : List.of(html, inline, quotes)) {
                List<Map<String, String>> stored = admin().body(article().with("body", body).body())
                        .post("/api/v1/admin/articles").then().statusCode(201).extract().path("body");
                for (int i = 0; i < stored.size(); i++) {
                    for (String value : stored.get(i).values()) {
                        String fault = executable(value);
                        if (fault != null) {
                            faults.add(fault + " in " + value + " (from " + chunk.get(i) + ")");
                        }
                    }
                }
            }
        }
        System.out.println("xss corpus: " + payloads.size() + " payloads, each as html, inline text and quote");
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    /** Names what in this markup could run script, or null when nothing can. */
    static String executable(String markup) {
        Matcher tags = TAG.matcher(markup);
        while (tags.find()) {
            String tag = tags.group(1).toLowerCase(Locale.ROOT);
            if (DANGEROUS_TAGS.contains(tag)) {
                return "<" + tag + ">";
            }
            Matcher attrs = ATTR.matcher(tags.group(2));
            while (attrs.find()) {
                String name = attrs.group(1).toLowerCase(Locale.ROOT);
                String value = decode(attrs.group(2)).replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                    return "attribute " + name;
                }
                if (value.contains("javascript:") || value.contains("vbscript:") || value.startsWith("\"data:") || value.startsWith("data:")) {
                    return "url in " + name;
                }
                if (tag.equals("iframe") && name.equals("src") && !value.contains("//www.youtube.com/")) {
                    return "iframe from " + value;
                }
            }
        }
        return null;
    }

    private static String decode(String value) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);?").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(out);
        return out.toString().replace("&colon;", ":").replace("&amp;", "&");
    }
}
