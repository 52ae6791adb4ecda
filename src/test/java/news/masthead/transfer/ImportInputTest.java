package news.masthead.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import news.masthead.article.body.Sanitizer;
import news.masthead.common.time.Now;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An archive is input like any API write: NDJSON bodies are sanitized by the same code, and a
 * WordPress byline whose author slug is already taken names that author instead of failing.
 */
class ImportInputTest {
    private static final UUID NOTICE = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID EXISTING = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final Sanitizer SANITIZER = new Sanitizer(List.of("www.youtube.com"));
    private static final ObjectMapper JSON = new ObjectMapper();
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
            // The slug the export's "Jo Smith" derives, held by an author of our own.
            s.execute("insert into author (id, slug, name, created_at, modified_at) values ('" + EXISTING
                    + "', 'jo-smith', 'Jo Smith (staff)', now(), now())");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void aWordPressBylineWhoseAuthorSlugExistsNamesThatAuthor() throws Exception {
        NdjsonImport.Summary summary = load(String.join("\n", wxrLines()));

        assertEquals(2, summary.inserted().get(NdjsonExport.Kind.article), summary.toString());
        assertEquals(EXISTING.toString(), value("""
                select x.author_id::text from article_author x join article a on a.id = x.article_id
                where a.slug = 'council-approves-budget'"""));
    }

    @Test
    void anNdjsonArticleIsSanitizedExactlyAsAnApiWrite() throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(wxrLines().stream().filter(l -> l.contains("\"kind\":\"article\""))
                .findFirst().orElseThrow());
        ObjectNode record = (ObjectNode) line.get("record");
        String id = UUID.randomUUID().toString();
        record.put("id", id);
        record.put("slug", "dirty-" + id.substring(0, 8));
        record.set("body", JSON.readTree("""
                [{"type": "paragraph", "text": "Hi <script>alert(1)</script><a href=\\"javascript:x()\\" onclick=\\"y()\\">there</a>"},
                 {"type": "html", "html": "<div onmouseover=\\"z()\\">ok</div><iframe src=\\"https://evil.example/\\"></iframe>"}]"""));
        line.putArray("authors");

        load(line.toString());

        String body = value("select body::text from article where id = '" + id + "'");
        String expectedParagraph = SANITIZER.inline("Hi <script>alert(1)</script><a href=\"javascript:x()\" onclick=\"y()\">there</a>");
        String expectedHtml = SANITIZER.html("<div onmouseover=\"z()\">ok</div><iframe src=\"https://evil.example/\"></iframe>");
        assertEquals(expectedParagraph, JSON.readTree(body).get(0).get("text").asText());
        assertEquals(expectedHtml, JSON.readTree(body).get(1).get("html").asText());
        for (String bad : List.of("script", "javascript", "onclick", "onmouseover", "evil.example")) {
            assertFalse(body.contains(bad), bad + " in " + body);
        }
        String text = value("select body_text from article where id = '" + id + "'");
        assertTrue(text.contains("there") && !text.contains("alert"), text);
    }

    private static List<String> wxrLines() throws Exception {
        try (InputStream in = ImportInputTest.class.getResourceAsStream("/wxr/newsroom.xml")) {
            return new WxrConverter(SANITIZER, NOTICE, Instant.parse("2026-05-01T00:00:00Z")).convert(in);
        }
    }

    private static NdjsonImport.Summary load(String lines) throws Exception {
        return new NdjsonImport(db, 500, SANITIZER, new Now()).read(new BufferedReader(new StringReader(lines)), l -> { });
    }

    private static String value(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }
}
