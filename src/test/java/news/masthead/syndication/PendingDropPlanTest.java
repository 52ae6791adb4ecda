package news.masthead.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import news.masthead.common.time.Now;
import news.masthead.testsupport.DirectSql;
import org.junit.jupiter.api.Test;

/**
 * Every re-judge of an article drops its pending feed rows first, under the lock all writers
 * share. A liveblog adds a row per partner for each entry, so that delete must read the pending
 * rows only, not the article's whole feed, and must do so in the plan a pooled connection keeps
 * reusing (the generic one). The rows are inserted in a transaction that is rolled back.
 */
@QuarkusTest
class PendingDropPlanTest {
    private static final String ARTICLE = "00000000-0000-0000-0000-00000000fee1";

    @Test
    void droppingPendingRowsReadsOnlyThePendingRowsOfALongFeed() throws SQLException {
        try (Connection c = DirectSql.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into copyright_notice (id, holder, year, syndication, created_at, modified_at) "
                        + "values ('00000000-0000-0000-0000-00000000fee0', 'Plan Holder', 2026, 'partners', now(), now())");
                s.execute("insert into article (id, slug, headline, body, body_text, copyright_notice_id, status, kind, live, "
                        + "published_at, updated_at, revision, created_at, created_by, modified_at, modified_by) "
                        + "values ('" + ARTICLE + "', 'plan-liveblog', 'A liveblog', '[]', '', "
                        + "'00000000-0000-0000-0000-00000000fee0', 'published', 'liveblog', true, "
                        + "now() - interval '1 day', now(), 1, now(), 'plan', now(), 'plan')");
                s.execute("insert into partner (id, name, created_at, modified_at) select gen_random_uuid(), "
                        + "'Plan partner ' || g, now(), now() from generate_series(1, 2) g");
                // A day of entries, a minute apart: 2 x 1,440 upserts, all effective, one still pending.
                s.execute("insert into syndication_change (partner_id, article_id, kind, effective_at) "
                        + "select p.id, '" + ARTICLE + "', 'upsert', now() - g * interval '1 minute' "
                        + "from partner p cross join generate_series(1, 1440) g where p.name like 'Plan partner %'");
                s.execute("insert into syndication_change (partner_id, article_id, kind, effective_at) "
                        + "select p.id, '" + ARTICLE + "', 'upsert', now() + interval '1 hour' "
                        + "from partner p where p.name = 'Plan partner 1'");
                s.execute("analyze syndication_change");
                String drop = SyndicationLedger.rejudgeStatements("a.id = $1", new Now()).get(1);
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("prepare drop_pending(uuid) as " + drop);
                String plan = DirectSql.explain(s, "analyze, costs off, timing off, summary off",
                        "execute drop_pending('" + ARTICLE + "')");

                // Whichever index the statistics favour, the transaction's start must bound its scan.
                assertTrue(plan.matches("(?s).*Index Scan (using|on) syndication_change_\\w+_idx.*"), plan);
                assertTrue(plan.matches("(?s).*Index Cond: \\(\\(partner_id = p\\.id\\) AND [^\\n]*\\(effective_at > now\\(\\)\\)\\).*"),
                        "the scan must start at the transaction's start:\n" + plan);
                assertFalse(plan.contains("Seq Scan on syndication_change"), plan);
                try (ResultSet r = s.executeQuery("select count(*) from syndication_change where article_id = '"
                        + ARTICLE + "' and effective_at > now()")) {
                    r.next();
                    assertEquals(0, r.getInt(1), "the pending row is dropped");
                }
                try (ResultSet r = s.executeQuery("select count(*) from syndication_change where article_id = '"
                        + ARTICLE + "'")) {
                    r.next();
                    assertEquals(2 * 1440, r.getInt(1), "every effective row stays");
                }
            } finally {
                c.rollback();
            }
        }
    }
}
