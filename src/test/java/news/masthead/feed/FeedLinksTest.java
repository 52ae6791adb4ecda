package news.masthead.feed;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import org.junit.jupiter.api.Test;

/**
 * Feeds build every link from the configured addresses ({@code MASTHEAD_SITE_BASE_URL}, and
 * {@code MASTHEAD_API_BASE_URL}, by default the same), never from the request's {@code Host}: a
 * public feed is cached and shared, so a forged header must not reach anyone's copy. Each feed is
 * asked first with the forged header, for a section no one asked for yet, so no cached answer
 * can hide what the request would have built.
 */
@QuarkusTest
class FeedLinksTest {
    private static final String FORGED = "attacker.example";
    private static final String CONFIGURED = "http://localhost:8080/";

    @Test
    void publicFeedsIgnoreAForgedHostHeader() {
        for (String format : List.of("atom", "rss", "json")) {
            String section = Fixtures.section();
            article().section(section).published();
            given().header("Host", FORGED).queryParam("section", section).get("/api/v1/feeds/" + format)
                    .then().statusCode(200)
                    .body(not(containsString(FORGED)))
                    .body(containsString(CONFIGURED + "api/v1/feeds/" + format))
                    .body(containsString(CONFIGURED + "articles/"));
        }
    }

    @Test
    void partnerFeedIgnoresAForgedHostHeader() {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(false, section));
        article(Partners.notice("partners")).section(section).published();
        Partners.as(secret).header("Host", FORGED).get("/api/v1/syndication/feed.atom")
                .then().statusCode(200)
                .body(not(containsString(FORGED)))
                .body(containsString(CONFIGURED + "api/v1/syndication/feed.atom"))
                .body(containsString(CONFIGURED + "articles/"));
    }
}
