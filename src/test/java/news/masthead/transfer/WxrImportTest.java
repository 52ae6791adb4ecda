package news.masthead.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import news.masthead.article.body.Sanitizer;
import news.masthead.transfer.NdjsonExport.Kind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A WordPress export becomes sections, authors and articles, sanitized like any API write. */
class WxrImportTest {
    private static final UUID NOTICE = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final Sanitizer SANITIZER = new Sanitizer(List.of("www.youtube.com"));
    private static EmbeddedPostgres pg;
    private static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = pg.getPostgresDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into copyright_notice (id, holder, year, is_default, created_at, modified_at) values ('"
                    + NOTICE + "', 'Old Gazette', 2026, true, now(), now())");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static NdjsonImport.Summary importWxr() throws Exception {
        List<String> lines;
        try (InputStream in = WxrImportTest.class.getResourceAsStream("/wxr/newsroom.xml")) {
            lines = new WxrConverter(SANITIZER, NOTICE, Instant.parse("2026-05-01T00:00:00Z")).convert(in);
        }
        return new NdjsonImport(db, 500, SANITIZER, new news.masthead.common.time.Now()).read(new BufferedReader(new StringReader(String.join("\n", lines))), line -> { });
    }

    private static JsonNode query(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return new ObjectMapper().readTree(r.getString(1));
        }
    }

    @Test
    void postsBecomeSanitizedArticlesWithTheirSectionsAndAuthorsAndAReimportSkipsThem() throws Exception {
        NdjsonImport.Summary first = importWxr();
        assertEquals(2, first.inserted().get(Kind.section));
        assertEquals(2, first.inserted().get(Kind.author));
        assertEquals(2, first.inserted().get(Kind.article), "the page is not a post");

        JsonNode city = query("select to_jsonb(s) || jsonb_build_object('parent', p.slug) from section s join section p on p.id = s.parent_id where s.slug = 'city'");
        assertEquals("City Hall", city.get("name").asText());
        assertEquals("local", city.get("parent").asText(), "the child listed first still gets its parent");

        JsonNode post = query("""
                select to_jsonb(a) || jsonb_build_object('section', s.slug, 'author', au.name)
                from article a join section s on s.id = a.section_id
                join article_author x on x.article_id = a.id join author au on au.id = x.author_id
                where a.slug = 'council-approves-budget'""");
        assertEquals("Council approves the new budget", post.get("headline").asText());
        assertEquals("published", post.get("status").asText());
        assertEquals(Instant.parse("2026-03-04T15:20:00Z"), Instant.parse(post.get("published_at").asText().replace("+00:00", "Z")));
        assertEquals("city", post.get("section").asText());
        assertEquals("Jo Smith", post.get("author").asText());
        assertEquals("The vote was close.", post.get("summary").asText());
        assertEquals(List.of("budget", "council"), new ObjectMapper().convertValue(post.get("tags"), List.class));
        assertEquals(NOTICE.toString(), post.get("copyright_notice_id").asText());

        JsonNode body = post.get("body");
        assertEquals(4, body.size(), body.toString());
        assertEquals("paragraph", body.get(0).get("type").asText());
        assertEquals("The council voted <strong>7–2</strong> on <a href=\"https://gazette.example.org/vote\">Tuesday</a>.",
                body.get(0).get("text").asText());
        assertEquals("heading", body.get(1).get("type").asText());
        assertEquals("What it funds", body.get(1).get("text").asText());
        assertEquals("html", body.get(2).get("type").asText());
        assertEquals("<ul><li>Roads</li><li>Parks</li></ul>", body.get(2).get("html").asText());
        // An image inside a loose line keeps it, as html (the sanitizer drops the handler).
        assertEquals("html", body.get(3).get("type").asText());
        assertEquals("A plain line WordPress would wrap itself, with <img src=\"x\" /> inside.", body.get(3).get("html").asText());
        assertFalse(body.toString().contains("onerror") || body.toString().contains("onclick") || body.toString().contains("script"));

        JsonNode draft = query("select to_jsonb(a) from article a where a.headline = 'Draft about the river'");
        assertEquals("draft", draft.get("status").asText());
        assertEquals("draft-about-the-river", draft.get("slug").asText());
        assertNull(draft.get("published_at").textValue());
        assertNull(draft.get("section_id").textValue(), "a category the export does not define is no section");
        assertNull(query("select to_jsonb(a) from author a where a.slug = 'elodie-editeur'").get("email").textValue());

        NdjsonImport.Summary again = importWxr();
        assertEquals(0, again.inserted().values().stream().mapToInt(Integer::intValue).sum(), again.toString());
    }

    @Test
    void anExportCannotReadLocalFilesThroughEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rss><channel><link>https://x.example</link><wp:category xmlns:wp="http://wordpress.org/export/1.2/">
                <wp:category_nicename>n</wp:category_nicename><wp:cat_name>&secret;</wp:cat_name></wp:category></channel></rss>""";
        try {
            List<String> lines = new WxrConverter(SANITIZER, NOTICE, Instant.now())
                    .convert(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)));
            String hostname = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/hostname"))).strip();
            assertFalse(String.join("\n", lines).contains(hostname), "the entity was resolved");
        } catch (javax.xml.stream.XMLStreamException | java.io.IOException refused) {
            // Refusing the document outright is just as good.
        }
    }
}
