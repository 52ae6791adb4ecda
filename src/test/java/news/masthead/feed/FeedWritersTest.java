package news.masthead.feed;

import static news.masthead.feed.FeedApiTest.child;
import static news.masthead.feed.FeedApiTest.children;
import static news.masthead.feed.FeedApiTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The writers on their own, with what the public feeds never send: full content (the partners'
 * feed), characters XML cannot carry, and XHTML fragments good and bad.
 */
class FeedWritersTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Instant AT = Instant.parse("2026-10-16T19:02:00Z");
    private static final FeedHead HEAD = new FeedHead("urn:test:feed", "Partner feed", null, "https://example.com/",
            "https://api.example.com/api/v1/syndication/feed.atom", AT, "Northwind", "Copyright 2026 Northwind.", "en");

    private static FeedEntry entry(String title, FeedEntry.Content content) {
        return new FeedEntry("urn:masthead:article:1", title, "https://example.com/articles/a?x=1&y=2", AT, AT,
                "Summary", "Copyright 2026 Northwind.", List.of("Jane Doe"),
                List.of(new FeedEntry.Category("world", "urn:masthead:section", "World")), content);
    }

    @Test
    void htmlContentIsEscapedText() throws Exception {
        String html = "<p>Full <em>text</em> &amp; more</p>";
        Document doc = parse(AtomWriter.write(HEAD, List.of(entry("T", FeedEntry.Content.html(html)))));
        Element content = child(children(doc.getDocumentElement(), "entry").get(0), "content");
        assertEquals("html", content.getAttribute("type"));
        assertEquals(html, content.getTextContent());
    }

    @Test
    void xhtmlContentIsEmbeddedAsElements() throws Exception {
        String xhtml = "<p>Full <em>text</em> &amp; more</p><figure><img src=\"https://i.example.com/a.jpg?a=1&amp;b=2\" alt=\"x\" /></figure>";
        Document doc = parse(AtomWriter.write(HEAD, List.of(entry("T", FeedEntry.Content.xhtml(xhtml)))));
        Element content = child(children(doc.getDocumentElement(), "entry").get(0), "content");
        assertEquals("xhtml", content.getAttribute("type"));
        Element div = (Element) content.getElementsByTagNameNS(XHTML, "div").item(0);
        assertEquals(XHTML, div.getNamespaceURI());
        assertEquals("Full text & more", ((Element) div.getElementsByTagNameNS(XHTML, "p").item(0)).getTextContent());
        assertEquals("https://i.example.com/a.jpg?a=1&b=2",
                ((Element) div.getElementsByTagNameNS(XHTML, "img").item(0)).getAttribute("src"));
    }

    @Test
    void xhtmlThatIsNotWellFormedFallsBackToHtml() throws Exception {
        String notXml = "<p>Open<br>&nbsp;<img src=x></p>";
        Document doc = parse(AtomWriter.write(HEAD, List.of(entry("T", FeedEntry.Content.xhtml(notXml)))));
        Element content = child(children(doc.getDocumentElement(), "entry").get(0), "content");
        assertEquals("html", content.getAttribute("type"));
        assertEquals(notXml, content.getTextContent());
    }

    @Test
    void charactersXmlCannotCarryAreDroppedNotFatal() throws Exception {
        String title = "Bell\u0007 and \u0000 null \uD800 lone, emoji 🎉 kept";
        for (byte[] xml : List.of(AtomWriter.write(HEAD, List.of(entry(title, null))),
                RssWriter.write(HEAD, List.of(entry(title, FeedEntry.Content.html("<p>\u0001x</p>")))))) {
            String text = new String(xml, StandardCharsets.UTF_8);
            Document doc = parse(xml);
            assertTrue(doc.getDocumentElement().getTextContent().contains("Bell and  null  lone, emoji 🎉 kept"), text);
        }
    }

    @Test
    void rssAndJsonFeedCarryFullContentWhenGiven() throws Exception {
        String html = "<p>Full <em>text</em></p>";
        Document rss = parse(RssWriter.write(HEAD, List.of(entry("T", FeedEntry.Content.html(html)))));
        assertEquals(html, rss.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                .item(0).getTextContent());
        JsonNode feed = new ObjectMapper().readTree(JsonFeedWriter.write(HEAD, List.of(entry("T", FeedEntry.Content.html(html))), null));
        assertEquals(html, feed.path("items").path(0).path("content_html").asText());
        assertTrue(feed.path("items").path(0).path("content_text").isMissingNode());
        assertEquals("Copyright 2026 Northwind.", feed.path("_masthead").path("rights").asText());
    }

    @Test
    void aLeadImageIsMediaRssInAtomAndRssAndTheImageOfAJsonFeedItem() throws Exception {
        FeedEntry.Image image = new FeedEntry.Image("https://img.example.com/a.jpg?w=1&h=2", "Alt <text>", null, "Photo & Co", 1600, 900);
        FeedEntry e = new FeedEntry("urn:masthead:article:1", "T", "https://example.com/articles/a", AT, AT, "Summary", null,
                List.of(), List.of(), null, image);
        String mrss = "http://search.yahoo.com/mrss/";
        for (byte[] xml : List.of(AtomWriter.write(HEAD, List.of(e)), RssWriter.write(HEAD, List.of(e)))) {
            Document doc = parse(xml);
            Element media = (Element) doc.getElementsByTagNameNS(mrss, "content").item(0);
            assertEquals("https://img.example.com/a.jpg?w=1&h=2", media.getAttribute("url"));
            assertEquals("image", media.getAttribute("medium"));
            assertEquals("1600", media.getAttribute("width"));
            assertEquals("900", media.getAttribute("height"));
            assertEquals("Alt <text>", media.getElementsByTagNameNS(mrss, "text").item(0).getTextContent());
            assertEquals("Photo & Co", media.getElementsByTagNameNS(mrss, "credit").item(0).getTextContent());
        }
        JsonNode feed = new ObjectMapper().readTree(JsonFeedWriter.write(HEAD, List.of(e), null));
        assertEquals("https://img.example.com/a.jpg?w=1&h=2", feed.path("items").path(0).path("image").asText());
        JsonNode none = new ObjectMapper().readTree(JsonFeedWriter.write(HEAD, List.of(entry("T", null)), null));
        assertTrue(none.path("items").path(0).path("image").isMissingNode());
    }

    @Test
    void anEmptyFeedIsStillAValidDocument() throws Exception {
        Document atom = parse(AtomWriter.write(HEAD, List.of()));
        assertEquals("feed", atom.getDocumentElement().getLocalName());
        assertEquals("Copyright 2026 Northwind.", child(atom.getDocumentElement(), "rights").getTextContent());
        assertEquals("en", atom.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        Document rss = parse(RssWriter.write(HEAD, List.of()));
        assertEquals("Partner feed", child(child(rss.getDocumentElement(), "channel"), "description").getTextContent());
    }
}
