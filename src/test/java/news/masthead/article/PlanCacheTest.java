package news.masthead.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whether PostgreSQL plans the public list once per connection or on every call. Planning the
 * list's joins and byline subquery costs about as much as running it, so a deep page that is
 * planned afresh each time costs twice what page 1 does. The statements are the repository's own,
 * run on one connection (one transaction, rolled back) over 20,000 published articles; the
 * plan counts come from pg_prepared_statements of that connection.
 */
@QuarkusTest
class PlanCacheTest {
    private static final ArticleQuery ALL = new ArticleQuery(null, null, null, null, null, null);
    // pgjdbc prepares a statement on the server at its 5th use; PostgreSQL then tries 5 custom plans.
    private static final int CALLS = 15;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleSearchRepository search;

    @Inject
    EntityManager em;

    @Test
    void deepPagesReuseOneGenericPlan() {
        QuarkusTransaction.begin();
        try {
            insertPublishedArticles();
            List<Object[]> cursors = em.createNativeQuery("select published_at, id from article where status = 'published' "
                    + "order by published_at desc, id desc offset 3000 limit " + CALLS, Object[].class).getResultList();
            for (Object[] cursor : cursors) {
                Instant at = (Instant) cursor[0];
                assertEquals(21, articles.visiblePage(ALL, at, (UUID) cursor[1], 20, Instant.now()).size());
            }
            Object[] plans = plans(true);
            assertTrue(((Number) plans[0]).longValue() >= CALLS - 10, "generic plans: " + plans[0]);
            assertTrue(((Number) plans[1]).longValue() <= 5, "custom plans: " + plans[1]);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void theFirstPageReusesOneGenericPlan() {
        QuarkusTransaction.begin();
        try {
            insertPublishedArticles();
            for (int i = 0; i < CALLS; i++) {
                assertEquals(21, articles.visiblePage(ALL, null, null, 20, Instant.now()).size());
            }
            Object[] plans = plans(false);
            assertTrue(((Number) plans[0]).longValue() >= CALLS - 10, "generic plans: " + plans[0]);
            assertTrue(((Number) plans[1]).longValue() <= 5, "custom plans: " + plans[1]);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /**
     * A guard more than a proof: on this small table PostgreSQL chose the generic plan for the
     * earlier form of the statement too. At 100,000 articles it planned that form on every call
     * (4,637 plans for 4,629 searches, 1.0 ms each); this form, 79 plans for 11,060.
     */
    @Test
    void searchesReuseOneGenericPlanWhateverTheirWords() {
        QuarkusTransaction.begin();
        try {
            insertPublishedArticles();
            ArticleSearchRepository.Filters none = new ArticleSearchRepository.Filters(null, null, null, null, null);
            for (int i = 0; i < CALLS; i++) {
                // A word in 2% of them, over a year: as in the benchmark's search.
                List<ArticleSearchRepository.Hit> hits = search.byRelevance(i % 2 == 0 ? "Northwick" : "northwick body",
                        none, null, 200, 20, Instant.now());
                assertEquals(21, hits.size());
            }
            List<Object[]> rows = em.createNativeQuery("select generic_plans, custom_plans from pg_prepared_statements "
                    + "where statement like 'with candidates%' and statement like '%ts_rank%'", Object[].class).getResultList();
            assertEquals(1, rows.size(), "one prepared statement for search by relevance");
            assertTrue(((Number) rows.get(0)[0]).longValue() >= CALLS - 10, "generic plans: " + rows.get(0)[0]);
            assertTrue(((Number) rows.get(0)[1]).longValue() <= 5, "custom plans: " + rows.get(0)[1]);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Generic and custom plans made so far for the newest-first list of 20, with a cursor or without. */
    private Object[] plans(boolean withCursor) {
        List<Object[]> rows = em.createNativeQuery("select generic_plans, custom_plans, statement from pg_prepared_statements "
                        + "where statement like '%article_author%' and statement like '%fetch first 21 rows only' "
                        + "and (statement ~ 'a1_0\\.id\\)?<') = :withCursor "
                        + "and statement not like '%section_id in%'", Object[].class)
                .setParameter("withCursor", withCursor)
                .getResultList();
        assertEquals(1, rows.size(), () -> "one prepared statement for the list: " + rows.stream().map(r -> r[2]).toList());
        return rows.get(0);
    }

    private void insertPublishedArticles() {
        UUID notice = UUID.randomUUID();
        em.createNativeQuery("insert into copyright_notice (id, holder, year, created_at, modified_at) "
                + "values (:id, 'Plan Cache Holder', 2026, now(), now())").setParameter("id", notice).executeUpdate();
        String prefix = "plan-cache-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        em.createNativeQuery("insert into article (id, slug, headline, summary, body, body_text, copyright_notice_id, status, "
                        + "published_at, updated_at, revision, created_at, created_by, modified_at, modified_by) "
                        + "select gen_random_uuid(), :prefix || g, 'Headline ' || g, 'Summary ' || g, '[]', 'Body ' || g "
                        + "|| case when g % 50 = 0 then ' Northwick' else '' end, :notice, 'published', "
                        + "now() - g * interval '26 minutes', now() - g * interval '26 minutes', "
                        + "1, now(), 'plan', now(), 'plan' from generate_series(1, 20000) g")
                .setParameter("prefix", prefix).setParameter("notice", notice).executeUpdate();
        em.createNativeQuery("analyze article").executeUpdate();
    }
}
