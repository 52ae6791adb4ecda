package news.masthead.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Writes every section, author, copyright notice, article (with its byline, old slugs and
 * revisions), liveblog entry (with its byline) and collection as NDJSON: one {@code {"kind": …, "record": …}} object per line, parents before
 * children, so {@link NdjsonImport} can read it in one pass.
 *
 * <p>PostgreSQL renders each row ({@code to_jsonb}), so every column is carried, including ones a
 * later migration adds, with nothing to keep in step here. jsonb text is canonical (keys in a fixed
 * order) and the session runs in UTC, so the same data always exports to the same bytes: that is
 * what makes a round trip checkable byte for byte.
 */
public final class NdjsonExport {
    /** Rows kept in memory at a time: the export streams, whatever the archive's size. */
    private static final int FETCH_SIZE = 500;

    enum Kind { section, author, notice, article, entry, collection }

    // Sections parents first (by depth), so an import can insert them in file order.
    private static final String SECTIONS = """
            with recursive tree (id, depth) as (
                select id, 0 from section where parent_id is null
                union all
                select s.id, t.depth + 1 from section s join tree t on s.parent_id = t.id)
            select jsonb_build_object('kind', 'section', 'record', to_jsonb(s))::text
            from section s join tree t on t.id = s.id order by t.depth, s.id""";
    private static final String AUTHORS =
            "select jsonb_build_object('kind', 'author', 'record', to_jsonb(a))::text from author a order by a.id";
    private static final String NOTICES =
            "select jsonb_build_object('kind', 'notice', 'record', to_jsonb(n))::text from copyright_notice n order by n.id";
    // visible_from is generated from other columns: the import lets PostgreSQL compute it again.
    private static final String ARTICLES = """
            select jsonb_build_object(
                'kind', 'article',
                'record', to_jsonb(a) - 'visible_from',
                'authors', coalesce((select jsonb_agg(x.author_id order by x.position)
                                     from article_author x where x.article_id = a.id), '[]'),
                'redirects', coalesce((select jsonb_agg(r.slug order by r.slug)
                                       from article_slug_redirect r where r.article_id = a.id), '[]'),
                'revisions', coalesce((select jsonb_agg(to_jsonb(v) - 'article_id' order by v.revision)
                                       from article_revision v where v.article_id = a.id), '[]'))::text
            from article a order by a.id""";
    // After articles and authors: an entry names its liveblog and its byline.
    private static final String ENTRIES = """
            select jsonb_build_object(
                'kind', 'entry',
                'record', to_jsonb(e),
                'authors', coalesce((select jsonb_agg(x.author_id order by x.position)
                                     from liveblog_entry_author x where x.entry_id = e.id), '[]'))::text
            from liveblog_entry e order by e.id""";
    // After sections (a fill names one) and articles (pinned items name them).
    private static final String COLLECTIONS =
            "select jsonb_build_object('kind', 'collection', 'record', to_jsonb(c))::text from collection c order by c.id";

    private final DataSource dataSource;

    public NdjsonExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the archive; {@code progress} hears a line now and then. Returns records per kind. */
    public Map<Kind, Integer> write(Writer out, Consumer<String> progress) throws SQLException {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // One read-only snapshot for the whole file; a cursor (not autocommit) so rows stream.
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                    s.execute("set local time zone 'UTC'");
                }
                counts.put(Kind.section, copy(c, SECTIONS, out, "sections", progress));
                counts.put(Kind.author, copy(c, AUTHORS, out, "authors", progress));
                counts.put(Kind.notice, copy(c, NOTICES, out, "copyright notices", progress));
                counts.put(Kind.article, copy(c, ARTICLES, out, "articles", progress));
                counts.put(Kind.entry, copy(c, ENTRIES, out, "liveblog entries", progress));
                counts.put(Kind.collection, copy(c, COLLECTIONS, out, "collections", progress));
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return counts;
    }

    private static int copy(Connection c, String sql, Writer out, String what, Consumer<String> progress) throws SQLException {
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.write(rows.getString(1));
                    out.write('\n');
                    if (++n % 1000 == 0) {
                        progress.accept("exported " + n + " " + what);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept("exported " + n + " " + what);
        return n;
    }
}
