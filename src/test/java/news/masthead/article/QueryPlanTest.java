package news.masthead.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import news.masthead.testsupport.DirectSql;
import org.junit.jupiter.api.Test;

/**
 * The plans of the public list at newsroom scale: 20,000 published articles are inserted in a
 * transaction that is rolled back, so other tests never see them. The queries are the SQL the
 * repository's HQL produces (same predicates, same order, same limit).
 */
@QuarkusTest
class QueryPlanTest {
    private static final String PAGE = "select a.* from article a left join section s on s.id = a.section_id "
            + "join copyright_notice n on n.id = a.copyright_notice_id "
            + "where a.status = 'published' and a.visible_from <= now() %s "
            + "order by %s limit 21";

    @Test
    void page200OfTheNewestListStartsAtTheCursorInTheNewestIndex() throws SQLException {
        withManyArticles(s -> {
            String cursor;
            try (ResultSet r = s.executeQuery("select published_at, id from article where status = 'published' "
                    + "order by published_at desc, id desc offset 3999 limit 1")) {
                r.next();
                cursor = "'" + r.getString(1) + "'::timestamptz, '" + r.getString(2) + "'::uuid";
            }
            // As ArticleRepository.afterNewest writes it: a row comparison with values the planner cannot see.
            String after = String.format("and (a.published_at, a.id) < ((select %s), (select %s))",
                    cursor.split(", ")[0], cursor.split(", ")[1]);
            String plan = explain(s, String.format(PAGE, after, "a.published_at desc, a.id desc"));
            assertTrue(plan.contains("article_public_newest_idx"), plan);
            assertTrue(plan.matches("(?s).*Index Cond: \\(ROW\\(published_at, id\\) < ROW\\(.*"),
                    "the cursor must bound the scan:\n" + plan);
            assertFalse(plan.contains("Sort"), plan);
        });
    }

    @Test
    void searchFindsAWeeksMatchesInTheWeekIndex() throws SQLException {
        withManyArticles(s -> {
            // One step of the week walk (ArticleSearchRepository.newestMatches): words and week both
            // in the index condition, so no other week's matches are read from the table.
            String match = "and a.search_vector @@ websearch_to_tsquery('english', 'zqrareword') "
                    + "and article_search_week(a.published_at) = article_search_week(timestamptz '2001-01-10')";
            String plan = explain(s, String.format(PAGE, match, "a.published_at desc, a.id desc"));
            assertTrue(plan.contains("article_search_week_idx"), plan);
            assertTrue(plan.matches("(?s).*Index Cond: \\(\\(search_vector @@ .* AND \\(article_search_week\\(published_at\\) = .*"),
                    "words and week must both bound the index scan:\n" + plan);
        });
    }

    private interface Work {
        void run(Statement s) throws SQLException;
    }

    private void withManyArticles(Work work) throws SQLException {
        try (Connection c = DirectSql.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into copyright_notice (id, holder, year, created_at, modified_at) "
                        + "values ('00000000-0000-0000-0000-00000000beef', 'Plan Holder', 2026, now(), now())");
                s.execute("insert into article (id, slug, headline, summary, body, body_text, copyright_notice_id, status, "
                        + "published_at, updated_at, revision, created_at, created_by, modified_at, modified_by) "
                        + "select gen_random_uuid(), 'plan-' || g, 'Headline number ' || g, 'Summary ' || g, '[]', "
                        + "'Body text of article ' || g || case when g % 5000 = 0 then ' zqrareword' else '' end, "
                        + "'00000000-0000-0000-0000-00000000beef', 'published', "
                        + "timestamptz '2001-01-01' + g * interval '1 minute', timestamptz '2001-01-01' + g * interval '1 minute', "
                        + "1, now(), 'plan', now(), 'plan' from generate_series(1, 20000) g");
                // Autovacuum merges GIN's pending list in a live database; a fresh bulk insert must do it by hand.
                s.execute("select gin_clean_pending_list('article_search_week_idx')");
                s.execute("analyze article");
                work.run(s);
            } finally {
                c.rollback();
            }
        }
    }

    private static String explain(Statement s, String sql) throws SQLException {
        return DirectSql.explain(s, "", sql);
    }
}
