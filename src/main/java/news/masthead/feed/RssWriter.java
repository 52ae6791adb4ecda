package news.masthead.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0 documents. RSS has no per-item rights or author name, so items use the Dublin Core
 * elements every reader knows ({@code dc:rights}, {@code dc:creator}); the channel's
 * {@code <copyright>} is the publication's notice. Full text, when an entry has it, goes in
 * {@code content:encoded}.
 */
public final class RssWriter {
    public static final String MEDIA_TYPE = "application/rss+xml";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private RssWriter() {
    }

    public static byte[] write(FeedHead head, List<FeedEntry> entries) {
        return Xml.document(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", AtomWriter.NS);
            w.writeNamespace("dc", DC);
            w.writeNamespace("content", CONTENT);
            w.writeStartElement("channel");
            Xml.element(w, "title", head.title());
            Xml.element(w, "link", head.homeLink());
            // <description> is required in a channel.
            Xml.element(w, "description", head.description() == null ? head.title() : head.description());
            Xml.element(w, "language", head.language());
            Xml.element(w, "copyright", head.rights());
            Xml.element(w, "lastBuildDate", date(head.updated()));
            Xml.element(w, "generator", "Masthead");
            w.writeEmptyElement("atom", "link", AtomWriter.NS);
            Xml.attribute(w, "href", head.selfLink());
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", MEDIA_TYPE);
            for (FeedEntry e : entries) {
                item(w, e);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void item(XMLStreamWriter w, FeedEntry e) throws XMLStreamException {
        w.writeStartElement("item");
        Xml.element(w, "title", e.title());
        Xml.element(w, "link", e.link());
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(Xml.clean(e.id()));
        w.writeEndElement();
        Xml.element(w, "pubDate", date(e.published() == null ? e.updated() : e.published()));
        Xml.element(w, "description", e.summary());
        for (String author : e.authors()) {
            dc(w, "creator", author);
        }
        for (FeedEntry.Category c : e.categories()) {
            w.writeStartElement("category");
            Xml.attribute(w, "domain", c.scheme());
            w.writeCharacters(Xml.clean(c.term()));
            w.writeEndElement();
        }
        if (e.image() != null) {
            // RSS's own enclosure needs the length and type, which Masthead does not know: Media RSS does not.
            Xml.mediaContent(w, e.image());
        }
        if (e.content() != null) {
            w.writeStartElement("content", "encoded", CONTENT);
            w.writeCharacters(Xml.clean(e.content().value()));
            w.writeEndElement();
        }
        if (e.rights() != null) {
            dc(w, "rights", e.rights());
        }
        w.writeEndElement();
    }

    private static void dc(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("dc", name, DC);
        w.writeCharacters(Xml.clean(text));
        w.writeEndElement();
    }

    /** RFC 822 as RSS 2.0 asks, e.g. {@code Fri, 16 Oct 2026 19:02:00 GMT}. */
    static String date(Instant at) {
        return RFC_822.format(at);
    }
}
