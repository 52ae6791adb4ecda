package news.masthead.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.LeadImage;
import news.masthead.article.api.PublicUpdate;
import news.masthead.common.site.SiteConfig;

/**
 * An article as schema.org JSON-LD, for search engines: a {@code NewsArticle} whose dates are the
 * Content API's own ({@code dateModified} is {@code updatedAt}, so it moves only with a public
 * update), with one {@code CorrectionComment} per correction note. Only schema.org terms are used,
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
        ObjectNode doc = JSON.createObjectNode();
        String url = site.articleUrl(a.slug());
        doc.put("@context", CONTEXT);
        doc.put("@type", "NewsArticle");
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
        ArrayNode authors = doc.putArray("author");
        for (AuthorRef au : a.authors()) {
            authors.addObject().put("@type", "Person").put("name", au.name()).put("url", site.authorUrl(au.slug()));
        }
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
