package news.masthead.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import news.masthead.article.body.Sanitizer;
import news.masthead.common.json.Slugs;

/**
 * Turns a WordPress export (WXR) into the NDJSON records {@link NdjsonImport} reads: categories
 * become sections, authors authors, posts articles (pages and attachments are left out). Ids are
 * derived from the site and WordPress ids, so importing the same export again skips what is there.
 *
 * <p>WordPress content is untrusted here: it never passed our API, so every piece of markup goes
 * through the same {@link Sanitizer} allowlists a write through the API would.
 */
public final class WxrConverter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTER = "wxr-import";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern GUTENBERG_COMMENT = Pattern.compile("<!--\\s*/?wp:[^>]*-->");
    private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n\\s*\\r?\\n");
    private static final Pattern ONE_PARAGRAPH = Pattern.compile("(?is)^<p(\\s[^>]*)?>(.*)</p>$");
    private static final Pattern ONE_HEADING = Pattern.compile("(?is)^<h([2-4])(\\s[^>]*)?>(.*)</h\\1>$");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<(p|div|h[1-6]|ul|ol|table|figure|blockquote|pre|iframe|img|section|hr)\\b");

    private final Sanitizer sanitizer;
    private final UUID notice;
    private final Instant now;

    /** {@code notice}: the copyright notice every imported article carries (the default one). */
    public WxrConverter(Sanitizer sanitizer, UUID notice, Instant now) {
        this.sanitizer = sanitizer;
        this.notice = notice;
        this.now = now;
    }

    private record Category(String slug, String name, String parent) {
    }

    private record Post(String id, String type, String title, String slug, String creator, String content, String excerpt,
                        String dateGmt, String status, List<String> categories, List<String> tags) {
    }

    /** The records, sections first (parents before children), then authors, then articles. */
    public List<String> convert(InputStream wxr) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // An export file must not reach files or the network through entities (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = factory.createXMLStreamReader(wxr, StandardCharsets.UTF_8.name());

        String site = "";
        Map<String, Category> categories = new LinkedHashMap<>();
        Map<String, ObjectNode> authors = new LinkedHashMap<>();
        List<Post> posts = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> postCategories = new ArrayList<>();
        List<String> postTags = new ArrayList<>();
        String context = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = qualified(xml);
                switch (name) {
                    case "item", "wp:author", "wp:category" -> {
                        context = name;
                        fields.clear();
                        postCategories.clear();
                        postTags.clear();
                    }
                    case "category" -> {
                        if (context.equals("item")) {
                            String domain = xml.getAttributeValue(null, "domain");
                            String nicename = xml.getAttributeValue(null, "nicename");
                            if ("category".equals(domain) && nicename != null) {
                                postCategories.add(nicename);
                            } else if ("post_tag".equals(domain) && nicename != null) {
                                postTags.add(nicename.toLowerCase(Locale.ROOT));
                            }
                        }
                        xml.getElementText();
                    }
                    default -> {
                        if (name.equals("link") && context.isEmpty()) {
                            site = xml.getElementText().trim();
                        } else if (!context.isEmpty()) {
                            fields.put(name, xml.getElementText());
                        }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = qualified(xml);
                if (name.equals(context)) {
                    switch (name) {
                        case "wp:category" -> {
                            String slug = Slugs.derive(fields.get("wp:category_nicename"), "category");
                            String parent = blankToNull(fields.get("wp:category_parent"));
                            categories.put(slug, new Category(slug, fields.getOrDefault("wp:cat_name", slug),
                                    parent == null ? null : Slugs.derive(parent, "category")));
                        }
                        case "wp:author" -> authors.put(fields.get("wp:author_login"), author(site, fields));
                        default -> posts.add(new Post(fields.get("wp:post_id"), fields.get("wp:post_type"), fields.get("title"),
                                fields.get("wp:post_name"), fields.get("dc:creator"), fields.getOrDefault("content:encoded", ""),
                                fields.get("excerpt:encoded"), fields.get("wp:post_date_gmt"), fields.get("wp:status"),
                                List.copyOf(postCategories), List.copyOf(postTags)));
                    }
                    context = "";
                }
            }
        }
        xml.close();

        List<String> lines = new ArrayList<>();
        sections(site, categories, lines);
        authors.values().forEach(a -> lines.add(line("author", a)));
        for (Post p : posts) {
            if ("post".equals(p.type())) {
                lines.add(article(site, p, authors, categories.keySet()));
            }
        }
        return lines;
    }

    private static String qualified(XMLStreamReader xml) {
        String prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static UUID id(String site, String kind, String key) {
        return UUID.nameUUIDFromBytes(("wxr:" + site + ":" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String line(String kind, ObjectNode record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", kind);
        line.set("record", record);
        return line.toString();
    }

    private void sections(String site, Map<String, Category> categories, List<String> lines) {
        Set<String> done = new LinkedHashSet<>();
        // Parents first: repeat until every category whose parent is placed (or unknown) is placed.
        boolean progress = true;
        while (progress) {
            progress = false;
            int position = 0;
            for (Category c : categories.values()) {
                String parent = c.parent() != null && categories.containsKey(c.parent()) ? c.parent() : null;
                if (done.contains(c.slug()) || (parent != null && !done.contains(parent))) {
                    position++;
                    continue;
                }
                ObjectNode s = JSON.createObjectNode();
                s.put("id", id(site, "category", c.slug()).toString());
                s.put("slug", c.slug());
                s.put("name", truncate(Sanitizer.textOf(c.name()), 200));
                s.put("parent_id", parent == null ? null : id(site, "category", parent).toString());
                s.put("position", position++);
                s.put("created_at", now.toString());
                s.put("modified_at", now.toString());
                lines.add(line("section", s));
                done.add(c.slug());
                progress = true;
            }
        }
    }

    private ObjectNode author(String site, Map<String, String> f) {
        String login = f.getOrDefault("wp:author_login", "author");
        String name = blankToNull(f.get("wp:author_display_name"));
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id(site, "author", login).toString());
        a.put("slug", Slugs.derive(name == null ? login : name, "author"));
        a.put("name", truncate(name == null ? login : name, 200));
        String email = blankToNull(f.get("wp:author_email"));
        a.put("email", email == null || email.length() > 254 ? null : email);
        a.put("created_at", now.toString());
        a.put("modified_at", now.toString());
        return a;
    }

    private String article(String site, Post p, Map<String, ObjectNode> authors, Set<String> sections) {
        String headline = truncate(Sanitizer.textOf(p.title() == null ? "" : p.title()), 300);
        if (headline.isBlank()) {
            headline = "Untitled " + p.id();
        }
        Instant published = p.dateGmt() == null || p.dateGmt().startsWith("0000")
                ? null : LocalDateTime.parse(p.dateGmt().trim(), WP_DATE).toInstant(ZoneOffset.UTC);
        String status = switch (p.status() == null ? "draft" : p.status()) {
            case "publish", "future" -> published == null ? "draft" : "published";
            case "trash" -> "trashed";
            default -> "draft";
        };
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id(site, "post", p.id()).toString());
        a.put("slug", Slugs.derive(blankToNull(p.slug()) == null ? headline : p.slug(), "post-" + p.id()));
        a.put("headline", headline);
        String summary = p.excerpt() == null ? "" : truncate(Sanitizer.textOf(p.excerpt()), 2000);
        a.put("summary", summary.isBlank() ? null : summary);
        a.set("body", body(p.content()));
        // The first category the export also defines; a post may name one it does not.
        a.put("section_id", p.categories().stream().map(c -> Slugs.derive(c, "category")).filter(sections::contains)
                .findFirst().map(c -> id(site, "category", c).toString()).orElse(null));
        a.put("copyright_notice_id", notice.toString());
        ArrayNode tags = a.putArray("tags");
        p.tags().stream().map(t -> truncate(t, 100)).distinct().limit(50).forEach(tags::add);
        a.put("status", status);
        a.put("published_at", status.equals("published") ? published.toString() : null);
        a.putArray("updates");
        a.put("revision", 1);
        a.put("created_at", (published == null ? now : published).toString());
        a.put("created_by", IMPORTER);
        a.put("modified_at", now.toString());
        a.put("modified_by", IMPORTER);
        a.put("trashed_at", status.equals("trashed") ? now.toString() : null);
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "article");
        line.set("record", a);
        ArrayNode byline = line.putArray("authors");
        ObjectNode author = p.creator() == null ? null : authors.get(p.creator().trim());
        if (author != null) {
            byline.add(author.get("id").asText());
        }
        line.putArray("redirects");
        line.putArray("revisions");
        return line.toString();
    }

    /** WordPress separates blocks by blank lines; a lone paragraph or heading stays one, the rest is html. */
    private ArrayNode body(String content) {
        ArrayNode blocks = JSON.createArrayNode();
        String clean = GUTENBERG_COMMENT.matcher(content).replaceAll("");
        for (String chunk : BLANK_LINES.split(clean)) {
            String c = chunk.strip();
            if (c.isEmpty() || blocks.size() == 500) {
                continue;
            }
            Matcher heading = ONE_HEADING.matcher(c);
            Matcher paragraph = ONE_PARAGRAPH.matcher(c);
            ObjectNode b = JSON.createObjectNode();
            if (heading.matches()) {
                b.put("type", "heading").put("text", sanitizer.inline(heading.group(3).strip())).put("level", Integer.parseInt(heading.group(1)));
            } else if (paragraph.matches() && !BLOCK_TAG.matcher(paragraph.group(2)).find()) {
                b.put("type", "paragraph").put("text", sanitizer.inline(paragraph.group(2).strip()));
            } else if (!BLOCK_TAG.matcher(c).find()) {
                b.put("type", "paragraph").put("text", sanitizer.inline(c));
            } else {
                b.put("type", "html").put("html", sanitizer.html(c));
            }
            String text = b.has("html") ? b.get("html").asText() : b.get("text").asText();
            if (!Sanitizer.textOf(text).isEmpty() || b.has("html") && !text.isBlank()) {
                blocks.add(b);
            }
        }
        return blocks;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
