package news.masthead.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    // A page size no other test uses: its statements are this test's own on the pooled connection.
    private static final int PAGE = 19;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleSearchRepository search;

    @Inject
    EntityManager em;

    @Test
    void deepPagesReuseOneGenericPlan() {
        overPublishedArticles(() -> {
            List<Object[]> cursors = em.createNativeQuery("select published_at, id from article where status = 'published' "
                    + "order by published_at desc, id desc offset 3000 limit " + CALLS, Object[].class).getResultList();
            for (Object[] cursor : cursors) {
                Instant at = (Instant) cursor[0];
                assertEquals(PAGE + 1, articles.visiblePage(ALL, at, (UUID) cursor[1], PAGE, Instant.now()).size());
            }
            assertOneGenericPlan(listPlans(true));
        });
    }

    @Test
    void theFirstPageReusesOneGenericPlan() {
        overPublishedArticles(() -> {
            for (int i = 0; i < CALLS; i++) {
                assertEquals(PAGE + 1, articles.visiblePage(ALL, null, null, PAGE, Instant.now()).size());
            }
            assertOneGenericPlan(listPlans(false));
        });
    }

    /**
     * A guard more than a proof: on this small table PostgreSQL chose the generic plan for the
     * earlier form of the statement too. At 100,000 articles it planned that form on every call
     * (4,637 plans for 4,629 searches, 1.0 ms each); this form, 79 plans for 11,060.
     */
    @Test
    void searchesReuseOneGenericPlanWhateverTheirWords() {
        overPublishedArticles(() -> {
            ArticleSearchRepository.Filters none = new ArticleSearchRepository.Filters(null, null, null, null, null);
            // 199 candidates: a statement of its own, apart from those other tests left on this pooled connection.
            for (int i = 0; i < CALLS; i++) {
                // A word in 2% of them, over a year: as in the benchmark's search.
                List<ArticleSearchRepository.Hit> hits = search.byRelevance(i % 2 == 0 ? "Northwick" : "northwick body",
                        none, null, 199, 20, Instant.now());
                assertEquals(21, hits.size());
            }
            assertOneGenericPlan(plans("statement like 'with candidates%' and statement like '%ts_rank%' and statement like '%limit 199%'", Map.of()));
        });
    }

    /** At most the 5 custom plans PostgreSQL tries first, then the generic one every time. */
    private static void assertOneGenericPlan(Object[] plans) {
        assertTrue(((Number) plans[0]).longValue() >= CALLS - 10, "generic plans: " + plans[0]);
        assertTrue(((Number) plans[1]).longValue() <= 5, "custom plans: " + plans[1]);
    }

    /** Generic and custom plans made so far for the newest-first list, with a cursor or without. */
    private Object[] listPlans(boolean withCursor) {
        return plans("statement like '%article_author%' and statement like '%fetch first " + (PAGE + 1) + " rows only' "
                + "and (statement ~ 'a1_0\\.id\\)?<') = :withCursor and statement not like '%section_id in%'",
                Map.of("withCursor", withCursor));
    }

    /** Generic and custom plans of the one prepared statement of this connection that matches {@code where}. */
    private Object[] plans(String where, Map<String, Object> params) {
        var query = em.createNativeQuery("select generic_plans, custom_plans, statement from pg_prepared_statements where "
                + where, Object[].class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        assertEquals(1, rows.size(), () -> "one prepared statement: " + rows.stream().map(r -> r[2]).toList());
        return rows.get(0);
    }

    /** Runs {@code work} on one connection, over 20,000 published articles that are then rolled back. */
    private void overPublishedArticles(Runnable work) {
        QuarkusTransaction.begin();
        try {
            insertPublishedArticles();
            work.run();
        } finally {
            QuarkusTransaction.rollback();
        }
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
