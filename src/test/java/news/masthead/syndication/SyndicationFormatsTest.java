package news.masthead.syndication;

import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.NinjsSchema;
import news.masthead.testsupport.Partners;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class SyndicationFormatsTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void everyServedNinjsDocumentValidatesAgainstTheIptcSchema() throws Exception {
        String section = Fixtures.section();
        String author = Fixtures.author();
        String secret = Partners.token(Partners.create(true, section));
        String notice = Partners.notice("partners");
        article().section(section).authors(author).with("copyrightNotice", notice)
                .with("body", List.of(Map.of("type", "paragraph", "text", "Plain <em>text</em>."),
                        Map.of("type", "heading", "text", "More", "level", 2),
                        Map.of("type", "quote", "text", "Said.", "attribution", "Someone"),
                        Map.of("type", "list", "ordered", true, "items", List.of("a", "b")),
                        Map.of("type", "image", "url", "https://img.example.org/a.jpg", "alt", "A"),
                        Map.of("type", "embed", "url", "https://www.youtube.com/watch?v=x"),
                        Map.of("type", "promo", "text", "PROMO-TEXT"),
                        Map.of("type", "html", "html", "<div>CUSTOM-HTML</div>")))
                .with("leadImage", Map.of("url", "https://img.example.org/lead.jpg", "alt", "The lead", "caption", "Caption.",
                        "credit", "Photo: Staff", "width", 1200, "height", 800)).published();
        article().section(section).with("copyrightNotice", notice).with("summary", null).with("tags", List.of()).published();
        Created embargoed = article().section(section).with("copyrightNotice", notice).draft();
        Fixtures.ensureDefaultNotice();
        news.masthead.testsupport.Api.admin().header("If-Match", embargoed.etag())
                .body(Map.of("embargoedUntil", Instant.now().plusSeconds(600).toString()))
                .post(embargoed.adminPath() + "/publish").then().statusCode(200);

        String page = Partners.as(secret).queryParam("format", "ninjs").get("/api/v1/syndication/articles")
                .then().statusCode(200).extract().asString();
        JsonNode data = new ObjectMapper().readTree(page).get("data");
        assertEquals(3, data.size());
        List<String> faults = new ArrayList<>();
        for (JsonNode doc : data) {
            NinjsSchema.get().validate(doc).forEach(m -> faults.add(doc.path("uri").asText() + ": " + m.getMessage()));
            assertTrue(!doc.toString().contains("PROMO-TEXT") && !doc.toString().contains("CUSTOM-HTML"));
        }
        JsonNode one = new ObjectMapper().readTree(Partners.as(secret).queryParam("format", "ninjs")
                .get("/api/v1/syndication/articles/" + embargoed.id()).then().statusCode(200).extract().asString());
        NinjsSchema.get().validate(one).forEach(m -> faults.add("one: " + m.getMessage()));
        assertEquals("withheld", one.get("pubstatus").asText());
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        JsonNode picture = null;
        for (JsonNode doc : data) {
            if (doc.has("associations")) {
                picture = doc.get("associations").get(0);
            }
        }
        assertEquals("picture", picture.get("type").asText());
        assertEquals("https://img.example.org/lead.jpg", picture.get("renditions").get(0).get("href").asText());
        assertTrue(picture.get("copyrightnotice").asText().length() > 0, "the picture carries the notice's rights");
        Partners.as(secret).queryParam("format", "xml").get("/api/v1/syndication/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void partnerAtomFeedCarriesFullTextOfLicensedStoriesOnly() throws Exception {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(false, section));
        Created licensed = article().section(section).with("copyrightNotice", Partners.notice("partners"))
                .with("leadImage", Map.of("url", "https://img.example.org/partner.jpg", "alt", "Harbour", "credit", "Staff",
                        "width", 640, "height", 480))
                .with("body", List.of(Map.of("type", "paragraph", "text", "FULL-TEXT-KEPT"),
                        Map.of("type", "promo", "text", "PROMO-DROPPED"))).published();
        Created forbidden = article().section(section).with("copyrightNotice", Partners.notice("none"))
                .with("headline", "FORBIDDEN-HEADLINE").published();

        var response = Partners.as(secret).get("/api/v1/syndication/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .header("Cache-Control", containsString("private"))
                .body(not(containsString(forbidden.id()))).body(not(containsString("FORBIDDEN-HEADLINE")))
                .body(not(containsString("PROMO-DROPPED"))).extract();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        assertEquals(ATOM, doc.getDocumentElement().getNamespaceURI());
        NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(1, entries.getLength());
        String content = doc.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent();
        assertTrue(content.contains("FULL-TEXT-KEPT"), content);
        assertTrue(doc.getElementsByTagNameNS(ATOM, "id").item(1).getTextContent().contains(licensed.id()));
        Element media = (Element) doc.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content").item(0);
        assertEquals("https://img.example.org/partner.jpg", media.getAttribute("url"));
        assertEquals("image", media.getAttribute("medium"));
        assertEquals("640", media.getAttribute("width"));
        assertEquals("Staff", media.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "credit").item(0).getTextContent());
        boolean enclosure = false;
        NodeList links = doc.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            enclosure |= link.getAttribute("rel").equals("enclosure") && link.getAttribute("href").equals("https://img.example.org/partner.jpg");
        }
        assertTrue(enclosure, "an Atom enclosure link to the lead image");
        Partners.as(secret).header("If-None-Match", response.header("ETag")).get("/api/v1/syndication/feed.atom")
                .then().statusCode(304);
    }
}
