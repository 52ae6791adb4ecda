package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Pages;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleSearchTest {
    private static final String LIST = "/api/v1/articles";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000_000);

    /** A made-up word no other test writes, letters only, so the English parser keeps it one token. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (long n = SEQ.incrementAndGet(); n > 0; n /= 20) {
            w.append("bcdfghjklmnpqrtvwxzu".charAt((int) (n % 20)));
        }
        return w.append("o").toString();
    }

    private static Map<String, String> paragraph(String text) {
        return Map.of("type", "paragraph", "text", text);
    }

    @Test
    void headlineOutranksSummaryWhichOutranksBody() {
        String w = word();
        Created inBody = article().with("body", List.of(paragraph("Deep in the story the " + w + " appears."))).published();
        Created inHeadline = article().with("headline", "The " + w + " makes the headline").published();
        Created inSummary = article().with("summary", "A summary that names the " + w + ".").published();

        given().queryParam("q", w).get(LIST).then()
                .statusCode(200).contentType("application/json")
                .body("data.id", contains(inHeadline.id(), inSummary.id(), inBody.id()))
                .body("meta.nextCursor", equalTo(null));
    }

    @Test
    void hitCarriesEscapedSnippetWithMarkedWords() {
        String w = word();
        // Stored inline text keeps entities; its plain text has a literal "<", which must not reach a browser raw.
        article().with("body", List.of(paragraph("Officials said the " + w + " talks found 5 &lt; 6 &amp; more."))).published();

        String snippet = given().queryParam("q", w).get(LIST).then().statusCode(200).contentType("application/json")
                .body("data[0].snippet", containsString("<mark>" + w + "</mark>"))
                .body("data[0].snippet", containsString("5 &lt; 6 &amp; more"))
                .extract().path("data[0].snippet");
        assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    }

    @Test
    void everyShownHitCarriesItsSnippetOnEveryPageInBothOrders() {
        String w = word();
        for (int i = 0; i < 3; i++) {
            article().with("body", List.of(paragraph("Report " + i + " on the " + w + " hearing."))).published();
        }
        for (Map<String, String> order : List.of(Map.of("q", w), Map.of("q", w, "sort", "newest"))) {
            // Pages of 2 out of 3 hits: the first page's look-ahead row is the next page's only hit.
            List<String> first = given().queryParams(order).queryParam("limit", 2).get(LIST).then().statusCode(200)
                    .contentType("application/json").extract().path("data.snippet");
            String cursor = given().queryParams(order).queryParam("limit", 2).get(LIST).then().extract().path("meta.nextCursor");
            List<String> second = given().queryParams(order).queryParam("limit", 2).queryParam("cursor", cursor).get(LIST)
                    .then().statusCode(200).body("meta.nextCursor", equalTo(null)).extract().path("data.snippet");
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            assertEquals(3, all.size(), order.toString());
            for (String snippet : all) {
                assertFalse(snippet == null || !snippet.contains("<mark>" + w + "</mark>"), order + ": " + snippet);
            }
        }
    }

    @Test
    void listWithoutQueryHasNoSnippet() {
        Created a = article().published();
        given().queryParam("tag", a.tag()).get(LIST).then().statusCode(200)
                .body("data[0].id", equalTo(a.id()))
                .body("data[0]", not(hasKey("snippet")));
    }

    @Test
    void phrasesAndExclusionsFollowWebSearchSyntax() {
        String a = word();
        String b = word();
        String c = word();
        Created phrase = article().with("body", List.of(paragraph(a + " " + b + " together."))).published();
        Created apart = article().with("body", List.of(paragraph(b + " first, then much later " + a + "."))).published();
        Created withC = article().with("body", List.of(paragraph(a + " " + b + " and " + c + "."))).published();

        given().queryParam("q", "\"" + a + " " + b + "\"").get(LIST).then().statusCode(200)
                .body("data.id", containsInAnyOrder(phrase.id(), withC.id()));
        given().queryParam("q", a + " " + b).get(LIST).then().statusCode(200)
                .body("data.id", containsInAnyOrder(phrase.id(), apart.id(), withC.id()));
        given().queryParam("q", a + " -" + c).get(LIST).then().statusCode(200)
                .body("data.id", containsInAnyOrder(phrase.id(), apart.id()));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        String w = word();
        Created a = article().with("headline", "Candidates " + w + " on elections").published();
        given().queryParam("q", w + " election").get(LIST).then().statusCode(200).body("data.id", contains(a.id()));
    }

    @Test
    void promoBlocksAreNotSearched() {
        String w = word();
        article().with("body", List.of(paragraph("An ordinary paragraph."),
                Map.of("type", "promo", "text", "Get the " + w + " app."))).published();
        given().queryParam("q", w).get(LIST).then().statusCode(200).body("data", empty());
    }

    @Test
    void onlyPublishedArticlesAreFound() {
        String w = word();
        Created visible = article().with("headline", w + " published").published();
        article().with("headline", w + " draft").draft();
        Created unpublished = article().with("headline", w + " unpublished").published();
        admin().header("If-Match", unpublished.etag()).post(unpublished.adminPath() + "/unpublish").then().statusCode(200);
        Created scheduled = article().with("headline", w + " scheduled").draft();
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post(scheduled.adminPath() + "/publish").then().statusCode(200);
        Created trashed = article().with("headline", w + " trashed").published();
        admin().header("If-Match", trashed.etag()).delete(trashed.adminPath()).then().statusCode(204);

        given().queryParam("q", w).get(LIST).then().statusCode(200).body("data.id", contains(visible.id()));
        given().queryParam("q", w).queryParam("sort", "newest").get(LIST).then().statusCode(200)
                .body("data.id", contains(visible.id()));
    }

    @Test
    void editedBodyIsSearchedByItsNewWords() {
        String before = word();
        String after = word();
        Created a = article().with("body", List.of(paragraph("Says " + before + "."))).published();
        admin().header("If-Match", a.etag()).body(Map.of("body", List.of(paragraph("Now says " + after + "."))))
                .patch(a.adminPath()).then().statusCode(200);

        given().queryParam("q", after).get(LIST).then().statusCode(200).body("data.id", contains(a.id()));
        given().queryParam("q", before).get(LIST).then().statusCode(200).body("data", empty());
    }

    @Test
    void searchCombinesWithEveryFilter() {
        String w = word();
        String news = Fixtures.section();
        String world = Fixtures.section(news);
        String author = Fixtures.author();
        Created match = article().section(world).authors(author).with("headline", w + " in world").published();
        article().section(Fixtures.section()).authors(author).with("headline", w + " elsewhere").published();
        article().section(world).with("headline", w + " without the author").published();
        String publishedAt = given().get(LIST + "/" + match.slug()).path("publishedAt");

        given().queryParam("q", w).queryParam("section", news).queryParam("author", author).get(LIST).then()
                .statusCode(200).body("data.id", contains(match.id()));
        given().queryParam("q", w).queryParam("tag", match.tag()).get(LIST).then()
                .statusCode(200).body("data.id", contains(match.id()));
        given().queryParam("q", w).queryParam("section", news).queryParam("author", author)
                .queryParam("since", publishedAt).get(LIST).then().statusCode(200).body("data.id", contains(match.id()));
        given().queryParam("q", w).queryParam("section", news).queryParam("author", author)
                .queryParam("until", publishedAt).get(LIST).then().statusCode(200).body("data", empty());
    }

    @Test
    void relevanceCursorWalksEveryHitOnceInOrder() {
        String w = word();
        List<String> expected = new ArrayList<>();
        // Three rank tiers, several per tier: ties in rank fall back to newest first.
        for (int i = 0; i < 3; i++) {
            expected.add(0, article().with("headline", w + " headline " + i).published().id());
        }
        List<String> summaries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            summaries.add(0, article().with("summary", w + " summary " + i).published().id());
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            bodies.add(0, article().with("body", List.of(paragraph(w + " body " + i))).published().id());
        }
        expected.addAll(summaries);
        expected.addAll(bodies);

        List<String> seen = walk(Map.of("q", w), 2);
        assertEquals(expected, seen);
        assertEquals(expected, given().queryParam("q", w).get(LIST).then().statusCode(200).extract().path("data.id"));
    }

    @Test
    void newestSortOrdersHitsByPublicationAndPagesWithItsCursor() {
        String w = word();
        List<String> newestFirst = new ArrayList<>();
        newestFirst.add(0, article().with("body", List.of(paragraph(w))).published().id());
        newestFirst.add(0, article().with("headline", w + " headline").published().id());
        newestFirst.add(0, article().with("summary", w + " summary").published().id());

        assertEquals(newestFirst, walk(Map.of("q", w, "sort", "newest"), 2));
    }

    @Test
    void cursorOfAnotherOrderOrQueryIsRefused() {
        String w = word();
        for (int i = 0; i < 3; i++) {
            article().with("headline", w + " " + i).published();
        }
        String relevance = given().queryParam("q", w).queryParam("limit", 1).get(LIST).path("meta.nextCursor");
        String newest = given().queryParam("q", w).queryParam("sort", "newest").queryParam("limit", 1).get(LIST)
                .path("meta.nextCursor");

        given().queryParam("q", w).queryParam("cursor", relevance).queryParam("limit", 1).get(LIST).then().statusCode(200);
        assertBadCursor(Map.of("q", w, "cursor", newest));
        assertBadCursor(Map.of("q", w, "sort", "newest", "cursor", relevance));
        assertBadCursor(Map.of("q", word(), "cursor", relevance));
        assertBadCursor(Map.of("cursor", relevance));
        assertBadCursor(Map.of("q", w, "cursor", "bm90LWEtcmFuawoyMDI2LTAxLTAxVDAwOjAwOjAwWgp4CnkK"));
    }

    @Test
    void overlongEmptyOrUnknownSortIsAProblemNamingTheParameter() {
        assertProblem(Map.of("q", "a".repeat(201)), "q");
        assertProblem(Map.of("q", ""), "q");
        assertProblem(Map.of("q", "   "), "q");
        assertProblem(Map.of("sort", "oldest"), "sort");
        assertProblem(Map.of("sort", "relevance"), "sort");
        given().queryParam("q", "a".repeat(200)).get(LIST).then().statusCode(200);
    }

    @Test
    void querySyntaxNeverFails() {
        for (String q : List.of("\"unbalanced", "-", "or or", "a & b | !c", "(x", ":*", "' OR 1=1 --", "\\")) {
            given().queryParam("q", q).get(LIST).then().statusCode(200).contentType("application/json");
        }
    }

    private static List<String> walk(Map<String, String> params, int limit) {
        return Pages.walk(LIST, params, limit);
    }

    private static void assertBadCursor(Map<String, String> params) {
        assertProblem(params, "cursor");
    }

    private static void assertProblem(Map<String, String> params, String field) {
        given().queryParams(params).get(LIST).then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo(field));
    }
}
