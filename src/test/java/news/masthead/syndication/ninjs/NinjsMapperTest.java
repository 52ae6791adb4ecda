package news.masthead.syndication.ninjs;

import news.masthead.testsupport.NinjsSchema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.Headlines;
import news.masthead.article.api.LeadImage;
import news.masthead.article.api.CopyrightView;
import news.masthead.article.api.PublicUpdate;
import news.masthead.article.api.SectionRef;
import news.masthead.article.body.Block;
import news.masthead.article.body.Embed;
import news.masthead.article.body.Heading;
import news.masthead.article.body.Html;
import news.masthead.article.body.Image;
import news.masthead.article.body.ListBlock;
import news.masthead.article.body.Paragraph;
import news.masthead.article.body.Promo;
import news.masthead.article.body.Quote;
import news.masthead.common.time.Now;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ninjs document the mapper makes is valid against IPTC's own ninjs 2.2 JSON Schema
 * (draft 2020-12), read from {@code ../shared/standards} beside the project (or its copy in the test
 * resources). The validator may
 * load nothing from the network: an unexpected remote $ref fails the test instead of reaching out.
 */
class NinjsMapperTest {
    private static final Instant NOW = Instant.parse("2026-10-16T21:00:00Z");
    private static final String PROMO_TEXT = "Get our app PROMO-7f3";
    private static final String HTML_TEXT = "CUSTOM-HTML-91c";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;
    private final NinjsMapper mapper = new NinjsMapper(new Now(), "en");

    @BeforeAll
    static void loadSchema() {
        schema = NinjsSchema.get();
    }

    @Test
    void everyVariedArticleValidatesAgainstTheNinjsSchema() throws Exception {
        List<String> faults = new ArrayList<>();
        for (Case c : cases()) {
            JsonNode doc = JSON.valueToTree(mapper.ninjs(c.article(), c.embargo(), NOW));
            Set<ValidationMessage> errors = schema.validate(doc);
            if (!errors.isEmpty()) {
                faults.add(c.name() + ": " + errors + "\n" + doc.toPrettyString());
            }
            String bodies = doc.path("bodies").toString();
            if (bodies.contains(PROMO_TEXT) || bodies.contains(HTML_TEXT) || bodies.contains("custom")) {
                faults.add(c.name() + ": a promo or custom html block reached the bodies: " + bodies);
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        ObjectNode doc = JSON.valueToTree(mapper.ninjs(full(), null, NOW));
        assertTrue(schema.validate(doc).isEmpty());
        assertFalse(schema.validate(doc.deepCopy().put("pubstatus", "embargoed")).isEmpty(), "enum");
        assertFalse(schema.validate(doc.deepCopy().put("headline", "x")).isEmpty(), "unknown property");
        assertFalse(schema.validate(doc.deepCopy().put("versioncreated", "yesterday")).isEmpty(), "date-time format");
        ObjectNode noUri = doc.deepCopy();
        noUri.remove("uri");
        assertFalse(schema.validate(noUri).isEmpty(), "uri is required");
    }

    @Test
    void fieldsCarryTheArticle() throws Exception {
        ArticleResponse a = full();
        JsonNode doc = JSON.valueToTree(mapper.ninjs(a, null, NOW));
        assertEquals("urn:masthead:article:" + a.id(), doc.path("uri").asText());
        assertEquals("text", doc.path("type").asText());
        assertEquals("usable", doc.path("pubstatus").asText());
        assertTrue(doc.path("embargoed").isMissingNode());
        assertEquals("2026-10-16T19:02:00Z", doc.path("firstcreated").asText());
        assertEquals("2026-10-16T20:49:00Z", doc.path("versioncreated").asText());
        assertEquals("main", doc.path("headlines").path(0).path("role").asText());
        assertEquals(a.headline(), doc.path("headlines").path(0).path("value").asText());
        assertEquals(a.summary(), doc.path("descriptions").path(0).path("value").asText());
        assertEquals("Jane Doe and John Roe", doc.path("by").asText());
        assertEquals("jane-doe", doc.path("people").path(0).path("literal").asText());
        assertEquals("War in Ukraine", doc.path("subjects").path(0).path("name").asText());
        assertEquals("diplomacy", doc.path("subjects").path(1).path("name").asText());
        assertEquals("Northwind Media, Inc.", doc.path("copyrightholder").asText());
        assertEquals(a.copyright().notice(), doc.path("copyrightnotice").asText());
        assertEquals(a.copyright().usageTerms(), doc.path("usageterms").asText());
        assertEquals("en", doc.path("language").asText());

        JsonNode body = doc.path("bodies").path(0);
        assertEquals("text/html", body.path("contenttype").asText());
        assertEquals("""
                <p>President <em>said</em> Thursday &amp; more.</p>
                <h3>What comes next</h3>
                <blockquote><p>Great progress</p><footer>A diplomat</footer></blockquote>
                <ol><li>one</li><li>two</li></ol>
                <figure><img src="https://img.example.com/a.jpg?x=1&amp;y=&quot;2&quot;" alt="Two &quot;leaders&quot; &lt;meet&gt;" /><figcaption>The <em>summit</em> <small>Photo &lt;AP&gt; &amp; Co</small></figcaption></figure>
                <p><a href="https://video.example.com/v?id=1&amp;t=2">https://video.example.com/v?id=1&amp;t=2</a></p>""",
                body.path("value").asText());
    }

    @Test
    void embargoWithholdsUntilItLifts() {
        Instant until = NOW.plusSeconds(3600);
        NinjsDocument before = mapper.ninjs(full(), until, NOW);
        assertEquals("withheld", before.pubstatus());
        assertEquals("2026-10-16T22:00:00Z", before.embargoed());
        NinjsDocument after = mapper.ninjs(full(), until, until.plusSeconds(1));
        assertEquals("usable", after.pubstatus());
        assertEquals("2026-10-16T22:00:00Z", after.embargoed());
    }

    @Test
    void bodyHtmlCanKeepPromosAndCustomHtmlWhenAsked() {
        List<Block> body = List.of(new Promo(PROMO_TEXT, "https://example.com/app?a=1&b=2"),
                new Html("<div class=\"custom\">" + HTML_TEXT + "</div>"));
        assertEquals("", BodyHtml.syndication(body));
        assertEquals("<p class=\"promo\">" + PROMO_TEXT + " <a href=\"https://example.com/app?a=1&amp;b=2\">"
                        + "https://example.com/app?a=1&amp;b=2</a></p>\n<div class=\"custom\">" + HTML_TEXT + "</div>",
                BodyHtml.render(body, java.util.EnumSet.allOf(BodyHtml.Include.class)));
    }

    @Test
    void anArticleWithOnlyPromosHasNoBodies() {
        ArticleResponse a = article("promo-only", null, null, List.of(), List.of(),
                List.of(new Promo(PROMO_TEXT, null), new Html("<p>" + HTML_TEXT + "</p>")));
        NinjsDocument doc = mapper.ninjs(a, null, NOW);
        assertNull(doc.bodies());
        assertTrue(schema.validate(JSON.valueToTree(doc)).isEmpty());
    }

    @Test
    void theLeadImageIsAnAssociatedPictureUnderTheArticlesRights() {
        ArticleResponse a = full();
        JsonNode doc = JSON.valueToTree(mapper.ninjs(a, null, NOW));
        assertTrue(schema.validate(doc).isEmpty(), schema.validate(doc).toString());
        JsonNode picture = doc.path("associations").path(0);
        assertEquals(1, doc.path("associations").size());
        assertEquals("leadimage", picture.path("name").asText());
        assertEquals("picture", picture.path("type").asText());
        assertEquals("https://img.example.com/lead.jpg?w=1600&h=900", picture.path("uri").asText());
        assertEquals("https://img.example.com/lead.jpg?w=1600&h=900", picture.path("renditions").path(0).path("href").asText());
        assertEquals(1600, picture.path("renditions").path(0).path("width").asInt());
        assertEquals(900, picture.path("renditions").path(0).path("height").asInt());
        assertEquals("alt", picture.path("descriptions").path(0).path("role").asText());
        assertEquals("Envoys at the table", picture.path("descriptions").path(0).path("value").asText());
        assertEquals("Photo: AP", picture.path("by").asText());
        assertEquals(a.copyright().holder(), picture.path("copyrightholder").asText());
        assertEquals(a.copyright().notice(), picture.path("copyrightnotice").asText());
        assertEquals(a.copyright().usageTerms(), picture.path("usageterms").asText());
        // An association is a ninjs object: the validator holds it to the same rules.
        ObjectNode bad = doc.deepCopy();
        ((ObjectNode) bad.path("associations").path(0)).put("type", "photo");
        assertFalse(schema.validate(bad).isEmpty(), "an association's type is ninjs's enum");
        assertTrue(JSON.valueToTree(mapper.ninjs(article("x", null, null, List.of(), List.of(), List.of()), null, NOW))
                .path("associations").isMissingNode(), "no image, no association");
    }

    private static ArticleResponse withImage(ArticleResponse a, LeadImage image) {
        return new ArticleResponse(a.id(), a.slug(), a.headline(), a.summary(), a.section(), a.authors(), a.tags(), a.body(),
                a.copyright(), a.publishedAt(), a.updatedAt(), a.updates(), a.kind(), a.live(), image, a.headlines());
    }

    private record Case(String name, ArticleResponse article, Instant embargo) {
    }

    private static List<Case> cases() {
        SectionRef section = new SectionRef("world", "World");
        AuthorRef jane = new AuthorRef("jane-doe", "Jane Doe");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("everything", full(), null));
        cases.add(new Case("embargoed", full(), NOW.plusSeconds(600)));
        cases.add(new Case("embargo lifted", full(), NOW.minusSeconds(600)));
        cases.add(new Case("bare", article("bare", null, null, List.of(), List.of(), List.of()), null));
        cases.add(new Case("no summary, section only", article("s", null, section, List.of(), List.of("a"),
                List.of(new Paragraph("Only text."))), null));
        cases.add(new Case("blank summary, one author", article("one", " ", null, List.of(jane), List.of(),
                List.of(new Heading("Heading", 2), new ListBlock(false, List.of("<strong>x</strong>")))), null));
        cases.add(new Case("image without caption", article("img", "S", section, List.of(jane), List.of("t1", "t2"),
                List.of(new Image("https://img.example.com/i.png", "", null, null))), NOW.plusSeconds(5)));
        cases.add(new Case("lead image with alt only", withImage(article("li", "S", null, List.of(), List.of(), List.of()),
                new LeadImage("https://img.example.com/only-alt.png", "Alt only", null, null, null, null)), null));
        cases.add(new Case("quote without attribution, embed", article("q", "S", null, List.of(), List.of(),
                List.of(new Quote("Words", null), new Embed("https://www.youtube.com/watch?v=x"))), null));
        cases.add(new Case("only promo and html", article("p", "S", null, List.of(), List.of(),
                List.of(new Promo(PROMO_TEXT, "https://example.com/app"), new Html("<div class=\"custom\">" + HTML_TEXT + "</div>"))), null));
        cases.add(new Case("unicode and markup characters", article("u", "“Quotes” & <angles> — ünïcödé 🎉", section,
                List.of(new AuthorRef("o-brien", "Siobhán O'Brien")), List.of("café"),
                List.of(new Paragraph("Tom &amp; Jerry &lt;3 🎉"))), null));
        return cases;
    }

    static ArticleResponse full() {
        List<Block> body = List.of(
                new Paragraph("President <em>said</em> Thursday &amp; more."),
                new Promo(PROMO_TEXT, "https://example.com/app"),
                new Heading("What comes next", 3),
                new Quote("Great progress", "A diplomat"),
                new Html("<div class=\"custom\">" + HTML_TEXT + "</div>"),
                new ListBlock(true, List.of("one", "two")),
                new Image("https://img.example.com/a.jpg?x=1&y=\"2\"", "Two \"leaders\" <meet>", "The <em>summit</em>", "Photo <AP> & Co"),
                new Embed("https://video.example.com/v?id=1&t=2"));
        return new ArticleResponse(UUID.fromString("0b7d5c1e-2f4a-4c55-9c1d-3c6f1e2d8a90"), "envoys-agree",
                "Envoys agree to talks in Vienna", "The two leaders agreed on Vienna.",
                new SectionRef("war-in-ukraine", "War in Ukraine"),
                List.of(new AuthorRef("jane-doe", "Jane Doe"), new AuthorRef("john-roe", "John Roe")),
                List.of("diplomacy", "russia"), body,
                new CopyrightView("Northwind Media, Inc.", 2026, "Copyright 2026 Northwind Media, Inc. All rights reserved.",
                        "This material may not be published, broadcast, rewritten, or redistributed."),
                Instant.parse("2026-10-16T19:02:00Z"), Instant.parse("2026-10-16T20:49:00Z"),
                List.of(new PublicUpdate(Instant.parse("2026-10-16T20:49:00Z"), "update", "Adds a statement.")), "story", false,
                new LeadImage("https://img.example.com/lead.jpg?w=1600&h=900", "Envoys at the table", "Talks <em>began</em> at noon.",
                        "Photo: AP", 1600, 900), new Headlines("Envoys agree to Vienna talks", null));
    }

    private static ArticleResponse article(String slug, String summary, SectionRef section, List<AuthorRef> authors,
                                           List<String> tags, List<Block> body) {
        return new ArticleResponse(UUID.randomUUID(), slug, "Headline " + slug, summary, section, authors, tags, body,
                new CopyrightView("Holder", 2026, "Copyright 2026 Holder. All rights reserved.", null),
                Instant.parse("2026-10-16T19:02:00Z"), null, List.of(), "story", false, null, null);
    }
}
