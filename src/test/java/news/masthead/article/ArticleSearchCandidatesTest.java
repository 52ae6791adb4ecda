package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import news.masthead.article.ArticleSearchRepository.After;
import news.masthead.article.ArticleSearchRepository.Filters;
import news.masthead.article.ArticleSearchRepository.Hit;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Pages;
import org.junit.jupiter.api.Test;

/**
 * Search walks back week by week for the newest matches and ranks only a bounded number of them.
 * These articles are moved back in time with SQL (the API publishes "now"), so that they fall into
 * different weeks, some of them years ago.
 */
@QuarkusTest
class ArticleSearchCandidatesTest {
    private static final String LIST = "/api/v1/articles";
    private static final Filters NONE = new Filters(null, null, null, null, null);

    @Inject
    ArticleSearchRepository search;

    @Inject
    DataSource dataSource;

    @Inject
    PublicDocuments documents;

    private static Map<String, String> paragraph(String text) {
        return Map.of("type", "paragraph", "text", text);
    }

    @Test
    void visibilityIsTheOneDefinitionInSql() {
        assertEquals("a.status = 'published' and a.visible_from <= :now", ArticleSearchRepository.VISIBLE_SQL);
    }

    @Test
    void relevanceRanksOnlyTheNewestCandidates() throws SQLException {
        String w = ArticleSearchTest.word();
        // Strong matches (headline) long ago, weak ones (body) recently.
        Created oldHeadline = article().with("headline", w + " in the headline long ago").published();
        Created olderHeadline = article().with("headline", w + " in the headline even longer ago").published();
        Created body1 = article().with("body", List.of(paragraph("Body says " + w + " once."))).published();
        Created body2 = article().with("body", List.of(paragraph("Body says " + w + " again."))).published();
        Created body3 = article().with("body", List.of(paragraph("Body says " + w + " here."))).published();
        ageWeeks(oldHeadline, 30);
        ageWeeks(olderHeadline, 200);
        ageWeeks(body1, 3);
        ageWeeks(body2, 2);
        ageWeeks(body3, 1);

        // Three candidates: the three newest matches, however well the older ones would rank.
        assertEquals(List.of(body3.id(), body2.id(), body1.id()), ids(relevance(w, 3, 10)));
        // Four: the 30-week-old headline match joins and, ranking highest, comes first.
        assertEquals(List.of(oldHeadline.id(), body3.id(), body2.id(), body1.id()), ids(relevance(w, 4, 10)));
        // Enough for all: both headline matches lead, the newer first.
        assertEquals(List.of(oldHeadline.id(), olderHeadline.id(), body3.id(), body2.id(), body1.id()),
                ids(relevance(w, 200, 10)));
        // limit + 1 rows, so the caller can tell that more follow.
        assertEquals(3, relevance(w, 200, 2).size());
    }

    @Test
    void bothOrdersPageAcrossWeeksWithoutGapsOrDuplicates() throws SQLException {
        String w = ArticleSearchTest.word();
        List<String> newestFirst = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        // Each older than the one before; some share a week, some are years apart.
        int[] daysAgo = {0, 1, 9, 30, 63, 64, 365, 1050};
        for (int i = 0; i < daysAgo.length; i++) {
            Created a = i % 2 == 0
                    ? article().with("headline", w + " headline " + i).published()
                    : article().with("body", List.of(paragraph(w + " body " + i))).published();
            ageDays(a, daysAgo[i]);
            newestFirst.add(a.id());
            (i % 2 == 0 ? headlines : bodies).add(a.id());
        }
        List<String> byRelevance = new ArrayList<>(headlines);
        byRelevance.addAll(bodies);

        assertEquals(newestFirst, walk(Map.of("q", w, "sort", "newest"), 3));
        assertEquals(byRelevance, walk(Map.of("q", w), 3));
        assertEquals(byRelevance, walk(Map.of("q", w), 1));
    }

    @Test
    void sinceAndUntilBoundTheWeeksSearched() throws SQLException {
        String w = ArticleSearchTest.word();
        Created recent = article().with("headline", w + " recent").published();
        Created old = article().with("headline", w + " old").published();
        Created older = article().with("headline", w + " older").published();
        ageWeeks(old, 20);
        ageWeeks(older, 100);
        Instant oldAt = Instant.parse(given().get(LIST + "/" + old.slug()).path("publishedAt"));

        given().queryParam("q", w).queryParam("until", oldAt.plusSeconds(1).toString()).get(LIST).then()
                .statusCode(200).body("data.id", contains(old.id(), older.id()));
        given().queryParam("q", w).queryParam("since", oldAt.toString()).queryParam("sort", "newest").get(LIST).then()
                .statusCode(200).body("data.id", contains(recent.id(), old.id()));
        given().queryParam("q", w).queryParam("since", oldAt.toString()).queryParam("until", oldAt.plusSeconds(1).toString())
                .get(LIST).then().statusCode(200).body("data.id", contains(old.id()));
        given().queryParam("q", w).queryParam("until", oldAt.minusSeconds(7 * 86400L * 200).toString()).get(LIST).then()
                .statusCode(200).body("data", empty());
    }

    @Test
    void newestCursorResumesInTheWeekItStoppedIn() throws SQLException {
        String w = ArticleSearchTest.word();
        Created a = article().with("headline", w + " a").published();
        Created b = article().with("headline", w + " b").published();
        Created c = article().with("headline", w + " c").published();
        ageWeeks(a, 6);
        ageWeeks(b, 6);
        ageWeeks(c, 6);
        List<Hit> first = QuarkusTransaction.requiringNew().call(() -> search.byNewest(w, NONE, null, 1, Instant.now()));
        assertEquals(List.of(c.id(), b.id()), ids(first));
        Hit last = first.get(0);
        List<Hit> rest = QuarkusTransaction.requiringNew().call(() -> search.byNewest(w, NONE,
                new After(null, last.row().publishedAt(), last.row().id()), 5, Instant.now()));
        assertEquals(List.of(b.id(), a.id()), ids(rest));
    }

    @Test
    void onlyExcludedWordsFindTheNewestArticlesWithoutThem() throws SQLException {
        String w = ArticleSearchTest.word();
        String tag = ArticleSearchTest.word();
        Created without = article().with("tags", List.of(tag)).published();
        Created with = article().with("tags", List.of(tag)).with("headline", w + " is here").published();
        Created olderWithout = article().with("tags", List.of(tag)).published();
        ageWeeks(olderWithout, 40);

        given().queryParam("q", "-" + w).queryParam("tag", tag).get(LIST).then()
                .statusCode(200).body("data.id", contains(without.id(), olderWithout.id()));
        given().queryParam("q", "-" + w).queryParam("tag", tag).queryParam("sort", "newest").get(LIST).then()
                .statusCode(200).body("data.id", contains(without.id(), olderWithout.id()));
        given().queryParam("q", w + " or -" + w).queryParam("tag", tag).queryParam("sort", "newest").get(LIST).then()
                .statusCode(200).body("data.id", contains(with.id(), without.id(), olderWithout.id()));
        // The bound holds here too: the newest candidate only.
        List<Hit> one = QuarkusTransaction.requiringNew().call(() -> search.byRelevance("-" + w,
                new Filters(null, null, tag, null, null), null, 1, 10, Instant.now()));
        assertEquals(List.of(without.id()), ids(one));
    }

    private List<Hit> relevance(String w, int candidates, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> search.byRelevance(w, NONE, null, candidates, limit, Instant.now()));
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.row().id().toString()).toList();
    }

    private void ageWeeks(Created a, int weeks) throws SQLException {
        ageDays(a, weeks * 7);
    }

    /** Moves the article's publication back, keeping it published. */
    private void ageDays(Created a, int days) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update article set published_at = published_at - make_interval(days => ?) "
                     + "where id = ?")) {
            s.setInt(1, days);
            s.setObject(2, UUID.fromString(a.id()));
            assertEquals(1, s.executeUpdate());
        }
        // A write behind the pipeline's back: its public documents are rendered again, as a repair would.
        QuarkusTransaction.requiringNew().run(() -> documents.refresh(List.of(UUID.fromString(a.id()))));
    }

    private static List<String> walk(Map<String, String> params, int limit) {
        return Pages.walk(LIST, params, limit);
    }
}
