package news.masthead.feed;

import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Atom 1.0 (RFC 4287) documents, for the public headline feed and the partners' full-text feed
 * alike: an entry is written with its full text exactly when {@link FeedEntry#content()} is set.
 * Everything goes through an {@link XMLStreamWriter}, so text and attributes are always escaped.
 */
public final class AtomWriter {
    public static final String MEDIA_TYPE = "application/atom+xml";
    static final String NS = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    /** The whole feed document as UTF-8 bytes. */
    public static byte[] write(FeedHead head, List<FeedEntry> entries) {
        return Xml.document(w -> {
            w.writeStartElement("", "feed", NS);
            w.writeDefaultNamespace(NS);
            if (head.language() != null) {
                w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", Xml.clean(head.language()));
            }
            Xml.element(w, "id", head.id());
            text(w, "title", head.title());
            text(w, "subtitle", head.description());
            Xml.element(w, "updated", time(head.updated()));
            link(w, "self", MEDIA_TYPE, head.selfLink());
            link(w, "alternate", "text/html", head.homeLink());
            // A feed-level author covers every entry that names none (RFC 4287 4.1.1).
            person(w, head.author());
            text(w, "rights", head.rights());
            Xml.element(w, "generator", "Masthead");
            for (FeedEntry e : entries) {
                entry(w, e);
            }
            w.writeEndElement();
        });
    }

    private static void entry(XMLStreamWriter w, FeedEntry e) throws XMLStreamException {
        w.writeStartElement("entry");
        Xml.element(w, "id", e.id());
        text(w, "title", e.title());
        link(w, "alternate", "text/html", e.link());
        if (e.published() != null) {
            Xml.element(w, "published", time(e.published()));
        }
        Xml.element(w, "updated", time(e.updated()));
        for (String author : e.authors()) {
            person(w, author);
        }
        for (FeedEntry.Category c : e.categories()) {
            w.writeEmptyElement("category");
            Xml.attribute(w, "term", c.term());
            Xml.attribute(w, "scheme", c.scheme());
            Xml.attribute(w, "label", c.label());
        }
        text(w, "summary", e.summary());
        if (e.image() != null) {
            // An enclosure link for Atom-only readers, and Media RSS for those that show images.
            w.writeEmptyElement("link");
            w.writeAttribute("rel", "enclosure");
            Xml.attribute(w, "href", e.image().url());
            Xml.mediaContent(w, e.image());
        }
        if (e.content() != null) {
            content(w, e.content());
        }
        text(w, "rights", e.rights());
        w.writeEndElement();
    }

    private static void content(XMLStreamWriter w, FeedEntry.Content c) throws XMLStreamException {
        List<Xml.Node> xhtml = c.type() == FeedEntry.Content.Type.XHTML ? Xml.parseFragment(c.value()) : null;
        w.writeStartElement("content");
        if (xhtml != null) {
            w.writeAttribute("type", "xhtml");
            w.writeStartElement("", "div", Xml.XHTML_NS);
            w.writeDefaultNamespace(Xml.XHTML_NS);
            Xml.replay(w, xhtml);
            w.writeEndElement();
        } else {
            w.writeAttribute("type", "html");
            w.writeCharacters(Xml.clean(c.value()));
        }
        w.writeEndElement();
    }

    /** A plain-text construct; nothing when the text is null. */
    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(name);
            w.writeAttribute("type", "text");
            w.writeCharacters(Xml.clean(value));
            w.writeEndElement();
        }
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        Xml.attribute(w, "href", href);
    }

    private static void person(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement("author");
        Xml.element(w, "name", name);
        w.writeEndElement();
    }

    /** RFC 3339, always UTC. */
    static String time(Instant at) {
        return at.toString();
    }
}
