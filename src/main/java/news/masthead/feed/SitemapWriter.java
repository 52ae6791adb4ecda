package news.masthead.feed;

import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sitemaps (sitemaps.org 0.9) and Google News sitemaps, written through {@link Xml} like the feeds,
 * never by concatenating strings: a headline with {@code <} or {@code &} cannot break the document.
 */
public final class SitemapWriter {
    public static final String MEDIA_TYPE = "application/xml";
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private SitemapWriter() {
    }

    /** One {@code <url>}: the page, and its last modification (null: left out). */
    public record Url(String loc, Instant lastModified) {
    }

    /** One article of a news sitemap. */
    public record NewsUrl(String loc, String title, Instant published) {
    }

    /** One {@code <sitemap>} of an index. */
    public record Part(String loc, Instant lastModified) {
    }

    public static byte[] urlset(List<Url> urls) {
        return Xml.document(w -> {
            w.writeStartElement("", "urlset", NS);
            w.writeDefaultNamespace(NS);
            for (Url u : urls) {
                w.writeStartElement("url");
                Xml.element(w, "loc", u.loc());
                Xml.element(w, "lastmod", u.lastModified() == null ? null : u.lastModified().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /**
     * A Google News sitemap: each article with the publication's name and language, its
     * publication date and its title.
     */
    public static byte[] news(List<NewsUrl> urls, String publication, String language) {
        return Xml.document(w -> {
            w.writeStartElement("", "urlset", NS);
            w.writeDefaultNamespace(NS);
            w.writeNamespace("news", NEWS_NS);
            for (NewsUrl u : urls) {
                w.writeStartElement("url");
                Xml.element(w, "loc", u.loc());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                news(w, "name", publication);
                news(w, "language", language);
                w.writeEndElement();
                news(w, "publication_date", u.published().toString());
                news(w, "title", u.title());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public static byte[] index(List<Part> parts) {
        return Xml.document(w -> {
            w.writeStartElement("", "sitemapindex", NS);
            w.writeDefaultNamespace(NS);
            for (Part p : parts) {
                w.writeStartElement("sitemap");
                Xml.element(w, "loc", p.loc());
                Xml.element(w, "lastmod", p.lastModified() == null ? null : p.lastModified().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void news(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("news", name, NEWS_NS);
        w.writeCharacters(Xml.clean(text));
        w.writeEndElement();
    }
}
