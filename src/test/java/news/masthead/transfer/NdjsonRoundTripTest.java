package news.masthead.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import news.masthead.transfer.NdjsonExport.Kind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Export, import into an empty database, export again: the two archives are the same bytes, at
 * 10,000 articles with bylines, old slugs and revisions, liveblogs with entries (bylines, key events,
 * a pinned one), and collections with pinned items and fills. Runs on its own PostgreSQL with real
 * migrations, so it neither sees nor disturbs the API tests' data.
 */
class NdjsonRoundTripTest {
    private static final int ARTICLES = 10_000;
    private static final int COLLECTIONS = 12;
    /** Every 100th article is a liveblog with 20 entries. */
    private static final int ENTRIES = ARTICLES / 100 * 20;
    private static EmbeddedPostgres pg;
    private static final news.masthead.article.body.Sanitizer SANITIZER =
            new news.masthead.article.body.Sanitizer(List.of("www.youtube.com"));
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static DataSource freshDatabase(String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        DataSource db = pg.getDatabase("postgres", name);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static String export(DataSource db) throws SQLException {
        StringWriter out = new StringWriter();
        new NdjsonExport(db).write(out, LOG::add);
        return out.toString();
    }

    private static NdjsonImport.Summary load(DataSource db, String archive) throws Exception {
        return new NdjsonImport(db, 500, SANITIZER, new news.masthead.common.time.Now()).read(new BufferedReader(new StringReader(archive)), LOG::add);
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void tenThousandArticlesRoundTripByteForByteAndReimportingChangesNothing() throws Exception {
        DataSource a = freshDatabase("round_trip_a");
        seed(a);
        String first = export(a);
        assertEquals(12 + 50 + 2 + ARTICLES + ENTRIES + COLLECTIONS, first.lines().count());

        DataSource b = freshDatabase("round_trip_b");
        NdjsonImport.Summary summary = load(b, first);
        assertEquals(ARTICLES, summary.inserted().get(Kind.article));
        assertEquals(12, summary.inserted().get(Kind.section));
        assertEquals(COLLECTIONS, summary.inserted().get(Kind.collection));
        assertEquals(ENTRIES, summary.inserted().get(Kind.entry));
        String second = export(b);
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), second.getBytes(StandardCharsets.UTF_8));

        // What the archive leaves out is derived, and comes back the same.
        for (String derived : List.of("select count(*) from article where visible_from > '2026-06-01'",
                "select count(*) from article_revision", "select count(*) from article_slug_redirect",
                "select count(*) from article_author", "select count(*) from liveblog_entry_author",
                "select count(*) from article where kind = 'liveblog' and live")) {
            assertEquals(count(a, derived), count(b, derived), derived);
        }

        NdjsonImport.Summary again = load(b, first);
        assertEquals(0, again.inserted().values().stream().mapToInt(Integer::intValue).sum(), again.toString());
        assertEquals(ARTICLES, again.skipped().get(Kind.article));
        assertEquals(ENTRIES, again.skipped().get(Kind.entry));
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), export(b).getBytes(StandardCharsets.UTF_8));
        assertTrue(LOG.contains("imported through line 500"), "progress is reported per batch");
    }

    @Test
    void aBadLineStopsTheImportNamingItAndARerunFinishesTheJob() throws Exception {
        DataSource source = freshDatabase("bad_line_source");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into section (id, slug, name, position, created_at, modified_at)
                    select gen_random_uuid(), 'desk-' || i, 'Desk ' || i, i, now(), now() from generate_series(1, 700) i""");
        }
        List<String> lines = new ArrayList<>(export(source).lines().toList());
        lines.add(600, "{\"kind\": \"podcast\", \"record\": {}}");
        String broken = String.join("\n", lines) + "\n";

        DataSource target = freshDatabase("bad_line_target");
        NdjsonImport.ImportException stop = assertThrows(NdjsonImport.ImportException.class, () -> load(target, broken));
        assertTrue(stop.getMessage().startsWith("line 601: "), stop.getMessage());
        assertEquals(500, count(target, "select count(*) from section"), "the batches before the bad line stay");

        lines.remove(600);
        NdjsonImport.Summary rerun = load(target, String.join("\n", lines) + "\n");
        assertEquals(200, rerun.inserted().get(Kind.section));
        assertEquals(500, rerun.skipped().get(Kind.section));
    }

    @Test
    void anArchiveFromBeforeLiveblogsImportsItsArticlesAsStories() throws Exception {
        DataSource source = freshDatabase("before_liveblogs_source");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into copyright_notice (id, holder, year, syndication, is_default, created_at, modified_at)
                    values ('00000000-0000-4000-8000-000000000009', 'Old Archive Ltd', 2024, 'none', true, now(), now())""");
            s.execute("""
                    insert into article (id, slug, headline, copyright_notice_id, status, revision, created_at, created_by,
                                         modified_at, modified_by)
                    select gen_random_uuid(), 'old-' || i, 'Old ' || i, '00000000-0000-4000-8000-000000000009', 'draft', 1,
                           now(), 'x', now(), 'x' from generate_series(1, 3) i""");
        }
        // As an archive written before V61: its article records have neither kind nor live.
        String old = export(source).replace("\"kind\": \"story\", ", "").replace("\"live\": false, ", "");
        assertTrue(!old.contains("\"live\""), old);

        DataSource target = freshDatabase("before_liveblogs_target");
        assertEquals(3, load(target, old).inserted().get(Kind.article));
        assertEquals(3, count(target, "select count(*) from article where kind = 'story' and not live"));
    }

    /** Realistic variety: nested sections, unicode and markup, every status, embargoes, updates. */
    private static void seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into copyright_notice (id, holder, year, statement, usage_terms, syndication, is_default, created_at, modified_at) values
                    ('00000000-0000-4000-8000-000000000001', 'Round Trip Media, Inc.', 2026, 'All rights reserved.',
                     'Not for redistribution.', 'partners', true, '2026-01-01T00:00:00Z', '2026-01-02T03:04:05.123456Z'),
                    ('00000000-0000-4000-8000-000000000002', 'Wire “Service”', 2025, null, null, 'none', false,
                     '2025-05-05T05:05:05Z', '2025-05-05T05:05:05Z')""");
            s.execute("""
                    insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
                    select md5('section' || i)::uuid, 'section-' || i, 'Section ‘' || i || '’',
                           case when i % 2 = 0 then 'Desk ' || i end, null, i, timestamptz '2026-01-01' + i * interval '1 hour',
                           timestamptz '2026-01-01' + i * interval '1 hour'
                    from generate_series(1, 3) i""");
            s.execute("""
                    insert into section (id, slug, name, description, parent_id, position, created_at, modified_at)
                    select md5('section' || i)::uuid, 'section-' || i, 'Sub ' || i, null, md5('section' || (i % 3 + 1))::uuid,
                           i, timestamptz '2026-01-01', timestamptz '2026-01-01'
                    from generate_series(4, 12) i""");
            s.execute("""
                    insert into author (id, slug, name, job_title, bio, avatar_url, email, created_at, modified_at)
                    select md5('author' || i)::uuid, 'author-' || i, 'Zoë Ñandú ' || i, 'Correspondent',
                           case when i % 3 = 0 then E'Bio with \\"quotes\\", a tab\\t and a line\\nbreak.' end,
                           'https://cdn.example.org/' || i || '.jpg', 'author' || i || '@example.org',
                           timestamptz '2026-02-01' + i * interval '1 minute', timestamptz '2026-02-01'
                    from generate_series(1, 50) i""");
            s.execute("""
                    insert into article (id, slug, headline, summary, body, section_id, copyright_notice_id, tags, status,
                                         published_at, updated_at, embargoed_until, updates, revision, created_at, created_by,
                                         modified_at, modified_by, trashed_at, owner_token_id, lead_image, headlines)
                    select md5('article' || i)::uuid, 'article-' || i, 'Headline ' || i || ' — “quoted” & <em>marked</em>',
                           case when i % 4 <> 0 then 'Summary ' || i end,
                           jsonb_build_array(
                               jsonb_build_object('type', 'paragraph', 'text', 'Para <strong>' || i || '</strong> ✓'),
                               jsonb_build_object('type', 'heading', 'text', 'Sub', 'level', 2 + i % 3),
                               jsonb_build_object('type', 'list', 'ordered', i % 2 = 0, 'items', jsonb_build_array('a', 'b')),
                               jsonb_build_object('type', 'html', 'html', '<div class="x">' || i || '</div>')),
                           case when i % 10 <> 0 then md5('section' || (i % 12 + 1))::uuid end,
                           case when i % 7 = 0 then '00000000-0000-4000-8000-000000000002'::uuid
                                else '00000000-0000-4000-8000-000000000001'::uuid end,
                           array['tag-' || (i % 17), 'all'],
                           (array['draft', 'published', 'published', 'unpublished', 'trashed'])[i % 5 + 1],
                           case when i % 5 in (1, 2, 3) then timestamptz '2026-03-01' + i * interval '37 minutes' end,
                           case when i % 5 = 2 then timestamptz '2026-03-01' + i * interval '41 minutes' end,
                           case when i % 50 = 0 then timestamptz '2026-07-01' end,
                           case when i % 5 = 2 then jsonb_build_array(jsonb_build_object(
                               'at', '2026-03-02T00:00:00Z', 'kind', 'correction', 'note', 'Fixes the name.')) else '[]' end,
                           2, timestamptz '2026-03-01' + i * interval '1 minute', 'desk-token',
                           timestamptz '2026-03-01' + i * interval '2 minutes', 'editor «one»',
                           case when i % 5 = 4 then timestamptz '2026-04-01' end,
                           case when i % 3 = 0 then md5('token' || i)::uuid end,
                           case when i % 4 = 1 then jsonb_build_object('url', 'https://img.example.org/' || i || '.jpg',
                               'alt', 'Alt «' || i || '»', 'caption', 'A "caption"', 'width', 1200, 'height', 800) end,
                           case when i % 6 = 1 then jsonb_build_object('seo', 'SEO ' || i, 'social', 'Social ✓ ' || i) end
                    from generate_series(1, :articles) i""".replace(":articles", Integer.toString(ARTICLES)));
            s.execute("""
                    insert into article_author (article_id, position, author_id)
                    select md5('article' || i)::uuid, p, md5('author' || ((i + p) % 50 + 1))::uuid
                    from generate_series(1, :articles) i, generate_series(0, 1) p where p = 0 or i % 3 = 0""".replace(":articles", Integer.toString(ARTICLES)));
            s.execute("""
                    insert into article_slug_redirect (slug, article_id)
                    select 'old-article-' || i, md5('article' || i)::uuid from generate_series(1, :articles, 10) i""".replace(":articles", Integer.toString(ARTICLES)));
            s.execute("""
                    insert into article_revision (article_id, revision, at, by, changed, snapshot)
                    select md5('article' || i)::uuid, r, timestamptz '2026-03-01' + (i + r) * interval '1 minute', 'desk-token',
                           case when r = 1 then array['headline', 'body'] else array['summary'] end,
                           jsonb_build_object('headline', 'Headline ' || i, 'revision', r, 'tags', jsonb_build_array('all'))
                    from generate_series(1, :articles) i, generate_series(1, 2) r""".replace(":articles", Integer.toString(ARTICLES)));
            s.execute("update article set kind = 'liveblog', live = id::text < '8' where slug ~ '^article-[0-9]+00$'");
            s.execute("""
                    insert into liveblog_entry (id, article_id, headline, body, key_event, pinned, published_at, updated_at,
                                                created_by, modified_by)
                    select md5('entry' || a.id || n)::uuid, a.id, case when n % 3 <> 0 then 'Entry «' || n || '» — “live”' end,
                           jsonb_build_array(jsonb_build_object('type', 'paragraph', 'text', 'Update <em>' || n || '</em> ✓'),
                                             jsonb_build_object('type', 'quote', 'text', 'Said so', 'attribution', 'A. N. Other')),
                           n % 5 = 0, n = 7, timestamptz '2026-03-05' + n * interval '3 minutes',
                           timestamptz '2026-03-05' + n * interval '4 minutes', 'live-desk', 'editor «two»'
                    from article a, generate_series(1, 20) n where a.kind = 'liveblog'""");
            s.execute("""
                    insert into liveblog_entry_author (entry_id, position, author_id)
                    select e.id, p, md5('author' || (p + 1))::uuid
                    from liveblog_entry e, generate_series(0, 1) p where p = 0 or e.key_event""");
            s.execute("""
                    insert into collection (id, slug, name, description, items, fill_section_id, fill_tag, has_fill, size,
                                            revision, created_at, modified_at)
                    select md5('collection' || i)::uuid, 'front-' || i, 'Front «' || i || '»',
                           case when i % 2 = 0 then 'Desk front ' || i end,
                           (select jsonb_agg(case when p % 2 = 0
                                                  then jsonb_build_object('article', md5('article' || (i * 10 + p))::uuid)
                                                  else jsonb_build_object('article', md5('article' || (i * 10 + p))::uuid,
                                                                          'headline', 'Front “' || p || '”', 'summary', 'Why ' || p)
                                             end order by p)
                            from generate_series(1, i) p),
                           case when i % 3 = 0 then md5('section' || i)::uuid end,
                           case when i % 2 = 1 then 'tag-' || i end, i % 4 <> 0, 20 + i, i,
                           timestamptz '2026-05-01' + i * interval '1 hour', timestamptz '2026-05-02'
                    from generate_series(1, :collections) i""".replace(":collections", Integer.toString(COLLECTIONS)));
        }
    }
}
