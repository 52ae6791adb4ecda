package news.masthead.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.EntryResponse;
import news.masthead.article.api.LeadImage;
import news.masthead.article.api.PublicUpdate;
import news.masthead.article.body.SearchText;
import news.masthead.common.site.SiteConfig;

/**
 * An article as schema.org JSON-LD, for search engines: a {@code NewsArticle} whose dates are the
 * Content API's own ({@code dateModified} is {@code updatedAt}, so it moves only with a public
 * update), with one {@code CorrectionComment} per correction note; a liveblog is a
 * {@code LiveBlogPosting} (a BlogPosting, so an Article like NewsArticle, with the same terms) with
 * its newest entries as {@code liveBlogUpdate}s. Only schema.org terms are used,
 * each on a type that has it (JsonLdVocabularyTest checks every node against the vocabulary).
 */
public final class JsonLdWriter {
    public static final String MEDIA_TYPE = "application/ld+json";
    static final String CONTEXT = "https://schema.org";
    /** UN/CEFACT common code for a pixel: schema.org's width and height are QuantitativeValues. */
    static final String PIXEL = "E37";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLdWriter() {
    }

    public static byte[] write(ArticleResponse a, SiteConfig site) {
        return bytes(article(a, "NewsArticle", site));
    }

    /**
     * A liveblog: {@code coverageStartTime} is when it was published; {@code coverageEndTime}, once
     * it has ended ({@code live} false), is when its newest entry was posted, the last moment of its
     * coverage Masthead knows. {@code entries} are the newest first, each a {@code BlogPosting}
     * with the entry's own dates, headline, plain text and authors.
     */
    public static byte[] liveblog(ArticleResponse a, List<EntryResponse> entries, SiteConfig site) {
        ObjectNode doc = article(a, "LiveBlogPosting", site);
        doc.put("coverageStartTime", text(a.publishedAt()));
        if (!a.live() && !entries.isEmpty()) {
            doc.put("coverageEndTime", text(entries.get(0).publishedAt()));
        }
        ArrayNode updates = doc.putArray("liveBlogUpdate");
        String page = site.articleUrl(a.slug());
        for (EntryResponse e : entries) {
            // The entry's id is stable for its life: the anchor a frontend gives the entry on the page.
            String url = page + "#entry-" + e.id();
            ObjectNode u = updates.addObject().put("@type", "BlogPosting").put("@id", url).put("url", url);
            putIfPresent(u, "headline", e.headline());
            String body = SearchText.of(e.body());
            if (!body.isBlank()) {
                u.put("articleBody", body);
            }
            u.put("datePublished", text(e.publishedAt()));
            u.put("dateModified", text(e.updatedAt() != null ? e.updatedAt() : e.publishedAt()));
            if (!e.authors().isEmpty()) {
                authors(u, e.authors(), site);
            }
        }
        return bytes(doc);
    }

    private static ObjectNode article(ArticleResponse a, String type, SiteConfig site) {
        ObjectNode doc = JSON.createObjectNode();
        String url = site.articleUrl(a.slug());
        doc.put("@context", CONTEXT);
        doc.put("@type", type);
        doc.put("@id", url);
        doc.put("url", url);
        doc.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        doc.put("headline", a.headlines() != null && a.headlines().seo() != null ? a.headlines().seo() : a.headline());
        putIfPresent(doc, "description", a.summary());
        if (a.leadImage() != null) {
            doc.set("image", image(a.leadImage()));
        }
        doc.put("datePublished", text(a.publishedAt()));
        doc.put("dateModified", text(a.updatedAt() != null ? a.updatedAt() : a.publishedAt()));
        authors(doc, a.authors(), site);
        doc.putObject("publisher").put("@type", "Organization").put("name", site.name()).put("url", site.home());
        if (a.section() != null) {
            doc.put("articleSection", a.section().name());
        }
        if (!a.tags().isEmpty()) {
            ArrayNode keywords = doc.putArray("keywords");
            a.tags().forEach(keywords::add);
        }
        if (a.copyright() != null) {
            doc.putObject("copyrightHolder").put("@type", "Organization").put("name", a.copyright().holder());
            doc.put("copyrightYear", a.copyright().year());
            doc.put("copyrightNotice", a.copyright().notice());
        }
        doc.put("inLanguage", site.language());
        ArrayNode corrections = JSON.createArrayNode();
        for (PublicUpdate u : a.updates()) {
            if ("correction".equals(u.kind())) {
                corrections.addObject().put("@type", "CorrectionComment").put("text", u.note())
                        .put("datePublished", text(u.at()));
            }
        }
        if (!corrections.isEmpty()) {
            doc.set("correction", corrections);
        }
        return doc;
    }

    private static void authors(ObjectNode node, List<AuthorRef> byline, SiteConfig site) {
        ArrayNode authors = node.putArray("author");
        for (AuthorRef au : byline) {
            authors.addObject().put("@type", "Person").put("name", au.name()).put("url", site.authorUrl(au.slug()));
        }
    }

    private static byte[] bytes(ObjectNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD could not be written", e);
        }
    }

    private static ObjectNode image(LeadImage i) {
        ObjectNode image = JSON.createObjectNode().put("@type", "ImageObject").put("url", i.url()).put("contentUrl", i.url());
        // alt has no schema.org property of its own; the name is what describes the image.
        image.put("name", i.alt());
        putIfPresent(image, "caption", i.caption());
        putIfPresent(image, "creditText", i.credit());
        if (i.width() != null) {
            image.putObject("width").put("@type", "QuantitativeValue").put("value", i.width()).put("unitCode", PIXEL);
        }
        if (i.height() != null) {
            image.putObject("height").put("@type", "QuantitativeValue").put("value", i.height()).put("unitCode", PIXEL);
        }
        return image;
    }

    /** The same spelling as the Content API's JSON (ISO-8601 in UTC), so the dates compare equal as text. */
    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
