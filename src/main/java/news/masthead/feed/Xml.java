package news.masthead.feed;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/** The XML plumbing shared by the Atom and RSS writers. */
final class Xml {
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory IN = inputFactory();

    private Xml() {
    }

    /** A document body: writes into a UTF-8 buffer and hands back the bytes. */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A feed could not be written", e);
        }
        return out.toByteArray();
    }

    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";

    /**
     * The lead image as Media RSS {@code <media:content medium="image">}, with its alternative text
     * as the description and its credit: the element feed readers and partner ingest tools know
     * for Atom and RSS alike. The namespace is declared on the element, so feeds without images
     * stay byte for byte what they were.
     */
    static void mediaContent(XMLStreamWriter w, FeedEntry.Image image) throws XMLStreamException {
        w.writeStartElement("media", "content", MEDIA_NS);
        w.writeNamespace("media", MEDIA_NS);
        attribute(w, "url", image.url());
        w.writeAttribute("medium", "image");
        attribute(w, "width", image.width() == null ? null : image.width().toString());
        attribute(w, "height", image.height() == null ? null : image.height().toString());
        media(w, "description", image.caption() != null ? image.caption() : image.alt());
        media(w, "text", image.alt());
        media(w, "credit", image.credit());
        w.writeEndElement();
    }

    private static void media(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text != null) {
            w.writeStartElement("media", name, MEDIA_NS);
            w.writeCharacters(clean(text));
            w.writeEndElement();
        }
    }

    /** {@code <name>text</name>}, nothing when text is null. */
    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text != null) {
            w.writeStartElement(name);
            w.writeCharacters(clean(text));
            w.writeEndElement();
        }
    }

    static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeAttribute(name, clean(value));
        }
    }

    /**
     * Drops what XML 1.0 cannot carry at all (control characters, lone surrogates). The writer
     * escapes markup characters, but these would still make the document ill-formed, and a
     * headline must never be able to break a whole feed.
     */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out == null ? s : out.toString();
    }

    /**
     * An XHTML fragment as a replayable list of elements and text, or null when it is not
     * well-formed XML. Parsed completely before anything is written, so a bad fragment never
     * leaves a half-written element behind. No DTDs, no external entities.
     */
    static List<Node> parseFragment(String fragment) {
        List<Node> nodes = new ArrayList<>();
        try {
            XMLStreamReader r = IN.createXMLStreamReader(new StringReader("<div xmlns=\"" + XHTML_NS + "\">" + clean(fragment) + "</div>"));
            int depth = 0;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        if (depth++ > 0) {
                            List<String[]> attributes = new ArrayList<>();
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                String ns = r.getAttributeNamespace(i);
                                if (ns == null || ns.isEmpty()) {
                                    attributes.add(new String[] {r.getAttributeLocalName(i), r.getAttributeValue(i)});
                                }
                            }
                            nodes.add(new Node.Start(r.getLocalName(), attributes));
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        if (--depth > 0) {
                            nodes.add(new Node.End());
                        }
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                            nodes.add(new Node.Text(r.getText()));
                    default -> {
                        // comments and processing instructions carry nothing a reader sees
                    }
                }
            }
            r.close();
            return nodes;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    /** Replays a parsed fragment as XHTML elements (the caller has opened the XHTML div). */
    static void replay(XMLStreamWriter w, List<Node> nodes) throws XMLStreamException {
        for (Node n : nodes) {
            if (n instanceof Node.Start s) {
                w.writeStartElement("", s.name(), XHTML_NS);
                for (String[] a : s.attributes()) {
                    w.writeAttribute(a[0], a[1]);
                }
            } else if (n instanceof Node.Text t) {
                w.writeCharacters(t.text());
            } else {
                w.writeEndElement();
            }
        }
    }

    sealed interface Node {
        record Start(String name, List<String[]> attributes) implements Node {
        }

        record End() implements Node {
        }

        record Text(String text) implements Node {
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
