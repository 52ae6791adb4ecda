package news.masthead.feed;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class SitemapTest {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String SITE = "http://localhost:8080";
    private static final String FORGED = "attacker.example";

    @Test
    void newsSitemapListsTheLastTwoDaysInGoogleNewsTermsAndNoDraft() throws Exception {
        Created a = article().with("headline", "Ships & <harbours> agree").published();
        Created draft = article().draft();
        Map<String, Object> api = given().get("/api/v1/articles/" + a.slug()).then().extract().path("$");

        Document doc = xml(sitemap("/api/v1/sitemaps/news.xml"));
        assertEquals(NS, doc.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", doc.getDocumentElement().getLocalName());
        Element url = urlWithLoc(doc, SITE + "/articles/" + a.slug());
        assertNotNull(url, "the new article is listed");
        Element news = child(url, NEWS, "news");
        Element publication = child(news, NEWS, "publication");
        assertEquals("Masthead", child(publication, NEWS, "name").getTextContent());
        assertEquals("en", child(publication, NEWS, "language").getTextContent());
        assertEquals(api.get("publishedAt"), child(news, NEWS, "publication_date").getTextContent());
        assertEquals("Ships & <harbours> agree", child(news, NEWS, "title").getTextContent());
        assertNull(urlWithLoc(doc, SITE + "/articles/" + draft.slug()), "a draft is in no sitemap");

        TestClock.get().advance(Duration.ofHours(49));
        assertNull(urlWithLoc(xml(sitemap("/api/v1/sitemaps/news.xml")), SITE + "/articles/" + a.slug()),
                "older than 48 hours");
    }

    @Test
    void theIndexNamesTheMonthAndItsSitemapListsTheArticleWithUpdatedAtAsLastmod() throws Exception {
        Created a = article().published();
        Created draft = article().draft();
        String month = YearMonth.from(TestClock.get().instant().atZone(ZoneOffset.UTC)).toString();
        String monthly = "/api/v1/sitemaps/articles/" + month + ".xml";

        Document index = xml(sitemap("/api/v1/sitemaps/index.xml"));
        assertEquals(NS, index.getDocumentElement().getNamespaceURI());
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        Element part = elementWithLoc(index, "sitemap", SITE + monthly);
        assertNotNull(part, "the index names this month's sitemap");
        assertNotNull(child(part, NS, "lastmod"));

        Element url = urlWithLoc(xml(sitemap(monthly)), SITE + "/articles/" + a.slug());
        assertEquals(given().get("/api/v1/articles/" + a.slug()).path("updatedAt"), child(url, NS, "lastmod").getTextContent());
        assertNull(urlWithLoc(xml(sitemap(monthly)), SITE + "/articles/" + draft.slug()));

        // A public update moves lastmod (and the cached sitemap with it); an unpublish takes it out.
        admin().header("If-Match", a.etag()).body(Map.of("summary", "New.", "updateNote", "Adds a line."))
                .patch(a.adminPath()).then().statusCode(200);
        String updated = given().get("/api/v1/articles/" + a.slug()).path("updatedAt");
        assertEquals(updated, child(urlWithLoc(xml(sitemap(monthly)), SITE + "/articles/" + a.slug()), NS, "lastmod")
                .getTextContent());
        admin().header("If-Match", "\"3\"").post(a.adminPath() + "/unpublish").then().statusCode(200);
        assertNull(urlWithLoc(xml(sitemap(monthly)), SITE + "/articles/" + a.slug()), "unpublished: gone from the sitemap");
    }

    @Test
    void aForgedHostAppearsInNoSitemap() {
        for (String path : List.of("/api/v1/sitemaps/news.xml", "/api/v1/sitemaps/index.xml",
                "/api/v1/sitemaps/articles/" + YearMonth.now(ZoneOffset.UTC) + ".xml")) {
            // A publish starts a new cache generation, so the forged request renders afresh.
            Created a = article().published();
            String body = given().header("Host", FORGED).get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains(FORGED), path);
            assertTrue(body.contains(SITE + "/"), path);
        }
    }

    @Test
    void cachedWithAnETagLikeEveryContentAnswer() {
        article().published();
        Response first = given().get("/api/v1/sitemaps/index.xml");
        first.then().statusCode(200).header("ETag", notNullValue()).header("Surrogate-Key", equalTo("articles"));
        given().header("If-None-Match", first.header("ETag")).get("/api/v1/sitemaps/index.xml").then().statusCode(304);
        given().accept("application/xml").get("/api/v1/sitemaps/index.xml").then().statusCode(200)
                .contentType("application/xml").header("ETag", equalTo(first.header("ETag")))
                .body(equalTo(first.asString()));
    }

    @Test
    void aMalformedMonthIs400AndAnEmptyOne404() {
        for (String month : List.of("2026-13", "2026-1", "26-01", "2026-00", "0999-01", "2026-01x", "latest")) {
            given().get("/api/v1/sitemaps/articles/" + month + ".xml").then().statusCode(400)
                    .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                    .body("errors[0].field", equalTo("month"));
        }
        given().get("/api/v1/sitemaps/articles/1971-01.xml").then().statusCode(404)
                .contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
    }

    private static byte[] sitemap(String path) {
        Response r = given().get(path);
        r.then().statusCode(200).contentType("application/xml");
        return r.asByteArray();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Element urlWithLoc(Document doc, String loc) {
        return elementWithLoc(doc, "url", loc);
    }

    private static Element elementWithLoc(Document doc, String name, String loc) {
        NodeList nodes = doc.getElementsByTagNameNS(NS, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (loc.equals(child(e, NS, "loc").getTextContent())) {
                return e;
            }
        }
        return null;
    }

    private static Element child(Element parent, String ns, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
