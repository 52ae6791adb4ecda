package news.masthead.preview;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Preview {@code at=T} is a promise about the Content API at T. The test seeds every kind of
 * article, asks preview about T, then moves the one clock to T and asks the Content API itself:
 * the answers must be the same, field by field (preview adds only status and revision).
 */
@QuarkusTest
class PreviewAtTest {

    @Test
    void previewAtAFutureInstantEqualsTheContentApiAtThatInstant() {
        Instant t = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String tag = Api.unique("perspective");
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "y");
        List<Created> all = new ArrayList<>();

        Created draft = seed(tag, word, all);
        Created published = seed(tag, word, all);
        publish(published, Map.of());
        Created dueBefore = seed(tag, word, all);
        publish(dueBefore, Map.of("at", t.minus(Duration.ofHours(1)).toString()));
        Created dueAfter = seed(tag, word, all);
        publish(dueAfter, Map.of("at", t.plus(Duration.ofHours(1)).toString()));
        Created embargoLifted = seed(tag, word, all);
        publish(embargoLifted, Map.of("embargoedUntil", t.minus(Duration.ofMinutes(30)).toString()));
        Created embargoHeld = seed(tag, word, all);
        publish(embargoHeld, Map.of("embargoedUntil", t.plus(Duration.ofMinutes(30)).toString()));
        Created unpublished = seed(tag, word, all);
        publish(unpublished, Map.of());
        admin().header("If-Match", unpublished.currentEtag()).post(unpublished.adminPath() + "/unpublish").then().statusCode(200);
        Created trashed = seed(tag, word, all);
        publish(trashed, Map.of());
        admin().header("If-Match", trashed.currentEtag()).delete(trashed.adminPath()).then().statusCode(204);

        String at = t.toString();
        List<Map<String, Object>> previewList = data(admin().queryParam("tag", tag).queryParam("at", at)
                .get("/api/v1/preview/articles"));
        List<Map<String, Object>> previewSearch = data(admin().queryParam("q", word).queryParam("at", at)
                .get("/api/v1/preview/articles"));
        Map<String, Integer> previewStatus = new LinkedHashMap<>();
        Map<String, Map<String, Object>> previewOne = new LinkedHashMap<>();
        for (Created c : all) {
            Response r = admin().queryParam("at", at).get("/api/v1/preview/articles/" + c.slug());
            previewStatus.put(c.slug(), r.statusCode());
            if (r.statusCode() == 200) {
                r.then().header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex");
                previewOne.put(c.slug(), withoutPreviewFields(r.jsonPath().getMap("")));
            }
        }
        // Not vacuous: exactly the ones the public will see at T, in both reads.
        assertEquals(List.of(published.id(), dueBefore.id(), embargoLifted.id()).stream().sorted().toList(),
                previewList.stream().map(m -> (String) m.get("id")).sorted().toList());
        assertEquals(3, previewSearch.size(), previewSearch.toString());
        assertEquals(3, previewOne.size(), previewStatus.toString());

        TestClock.get().advancePast(t);

        given().queryParam("tag", tag).get("/api/v1/articles").then().statusCode(200)
                .body("data.id", containsInAnyOrder(published.id(), dueBefore.id(), embargoLifted.id()));
        assertEquals(previewList, data(given().queryParam("tag", tag).get("/api/v1/articles")));
        assertEquals(previewSearch, data(given().queryParam("q", word).get("/api/v1/articles")));
        for (Created c : all) {
            Response r = given().get("/api/v1/articles/" + c.slug());
            assertEquals(previewStatus.get(c.slug()), r.statusCode(), c.slug());
            if (r.statusCode() == 200) {
                assertEquals(previewOne.get(c.slug()), r.jsonPath().getMap(""), c.slug());
            }
        }
        // Drafts are left out of the perspective but a draft's own slug is no error beyond a 404.
        assertEquals(404, previewStatus.get(draft.slug()));
        assertEquals(404, previewStatus.get(dueAfter.slug()));
        assertEquals(404, previewStatus.get(embargoHeld.slug()));
    }

    private static Created seed(String tag, String word, List<Created> all) {
        Created c = article().with("tags", List.of(tag)).with("headline", "A story about " + word).draft();
        all.add(c);
        return c;
    }

    private static void publish(Created c, Map<String, Object> body) {
        admin().header("If-Match", c.currentEtag()).body(body).post(c.adminPath() + "/publish").then().statusCode(200);
    }

    private static List<Map<String, Object>> data(Response r) {
        r.then().statusCode(200);
        List<Map<String, Object>> rows = r.jsonPath().getList("data");
        return rows.stream().map(PreviewAtTest::withoutPreviewFields).toList();
    }

    /** Preview's shapes are the Content API's plus these two. */
    private static Map<String, Object> withoutPreviewFields(Map<String, Object> m) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.remove("status");
        copy.remove("revision");
        return copy;
    }
}
