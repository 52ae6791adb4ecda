package news.masthead.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON-LD document against the schema.org terms in {@code schema-org/vocabulary.tsv}: every
 * node's {@code @type} is a known type, every property is defined on that type or an ancestor,
 * and every value is of one of the property's ranges (a nested node by its type, a literal by its
 * data type: a URL must be an absolute http(s) URL, a DateTime must carry its offset). Answers the
 * violations, each with its JSON path; none means the document is well formed in these terms.
 */
public final class SchemaOrg {
    private static final Set<String> KEYWORDS = Set.of("@context", "@type", "@id");
    private static final Map<String, String> PARENT = new HashMap<>();
    private static final Map<String, Property> PROPERTIES = new HashMap<>();

    private record Property(List<String> domains, List<String> ranges) {
    }

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SchemaOrg.class.getResourceAsStream("/schema-org/vocabulary.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("type")) {
                    PARENT.put(f[1], f[2].equals("-") ? null : f[2]);
                } else {
                    PROPERTIES.put(f[1], new Property(List.of(f[2].split(" ")), List.of(f[3].split(" "))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SchemaOrg() {
    }

    /** The violations in {@code document}, a JSON-LD object whose {@code @context} is schema.org. */
    public static List<String> violations(JsonNode document) {
        List<String> out = new ArrayList<>();
        if (!"https://schema.org".equals(document.path("@context").asText())) {
            out.add("$.@context: not https://schema.org");
        }
        node(document, "$", out);
        return out;
    }

    /** Whether {@code type} is {@code ancestor} or one of its subtypes. */
    public static boolean isA(String type, String ancestor) {
        for (String t = type; t != null; t = PARENT.get(t)) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static void node(JsonNode node, String path, List<String> out) {
        String type = node.path("@type").asText(null);
        if (type == null || !PARENT.containsKey(type)) {
            out.add(path + ".@type: '" + type + "' is not a schema.org type this table knows");
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (KEYWORDS.contains(name)) {
                return;
            }
            Property p = PROPERTIES.get(name);
            String at = path + "." + name;
            if (p == null) {
                out.add(at + ": not a schema.org property this table knows");
                return;
            }
            if (p.domains().stream().noneMatch(d -> isA(type, d))) {
                out.add(at + ": not a property of " + type);
                return;
            }
            JsonNode value = node.get(name);
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    value(value.get(i), p, at + "[" + i + "]", out);
                }
            } else {
                value(value, p, at, out);
            }
        });
    }

    private static void value(JsonNode value, Property p, String path, List<String> out) {
        if (value.isObject()) {
            String type = value.path("@type").asText(null);
            if (type == null || p.ranges().stream().noneMatch(r -> isA(type, r))) {
                out.add(path + ": a " + type + " where " + p.ranges() + " is expected");
                return;
            }
            node(value, path, out);
            return;
        }
        boolean ok = p.ranges().stream().anyMatch(r -> literal(value, r));
        if (!ok) {
            out.add(path + ": " + value + " is none of " + p.ranges());
        }
    }

    private static boolean literal(JsonNode v, String range) {
        return switch (range) {
            case "Text" -> v.isTextual() && !v.asText().isBlank();
            case "URL" -> v.isTextual() && url(v.asText());
            case "DateTime" -> v.isTextual() && dateTime(v.asText());
            case "Date" -> v.isTextual() && date(v.asText());
            case "Number" -> v.isNumber();
            case "Integer" -> v.isIntegralNumber();
            default -> false;
        };
    }

    private static boolean url(String s) {
        try {
            URI u = URI.create(s);
            return u.isAbsolute() && (u.getScheme().equals("https") || u.getScheme().equals("http")) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean dateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
