package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Api.anonymous;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

/** {@code kind} and {@code live} on articles: written, stored in revisions, shown to admins and the public. */
@QuarkusTest
class LiveblogArticleTest {

    @Test
    void anArticleIsAStoryThatIsNotLiveByDefault() {
        Created a = article().published();
        admin().get(a.adminPath()).then().statusCode(200).body("kind", equalTo("story")).body("live", equalTo(false));
        anonymous().get("/api/v1/articles/" + a.slug()).then().statusCode(200)
                .body("kind", equalTo("story")).body("live", equalTo(false));
    }

    @Test
    void aLiveblogStartsLiveAndShowsItsKindEverywhere() {
        Created a = article().with("kind", "liveblog").published();
        admin().get(a.adminPath()).then().statusCode(200).body("kind", equalTo("liveblog")).body("live", equalTo(true));
        anonymous().get("/api/v1/articles/" + a.slug()).then().statusCode(200)
                .body("kind", equalTo("liveblog")).body("live", equalTo(true));
        anonymous().queryParam("tag", a.tag()).get("/api/v1/articles").then().statusCode(200)
                .body("data[0].kind", equalTo("liveblog")).body("data[0].live", equalTo(true));
    }

    @Test
    void endingALiveblogIsAChangeOfLiveRecordedInItsRevision() {
        Created a = article().with("kind", "liveblog").draft();
        admin().header("If-Match", a.etag()).contentType("application/merge-patch+json").body("{\"live\": false}")
                .patch(a.adminPath()).then().statusCode(200).body("live", equalTo(false)).body("kind", equalTo("liveblog"));
        admin().get(a.adminPath() + "/revisions").then().statusCode(200).body("data[0].changed", hasItem("live"));
        admin().get(a.adminPath() + "/revisions/2").then().statusCode(200).body("article.live", equalTo(false))
                .body("article.kind", equalTo("liveblog"));
    }

    @Test
    void aStoryIsNeverLive() {
        admin().body(article().with("live", true).body()).post("/api/v1/admin/articles").then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("live"));
    }

    @Test
    void anUnknownKindIsA400() {
        admin().body(article().with("kind", "gallery").body()).post("/api/v1/admin/articles").then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void turningALiveLiveblogIntoAStoryEndsIt() {
        Created a = article().with("kind", "liveblog").draft();
        admin().header("If-Match", a.etag()).contentType("application/merge-patch+json").body("{\"kind\": \"story\"}")
                .patch(a.adminPath()).then().statusCode(200).body("kind", equalTo("story")).body("live", equalTo(false));
    }

    @Test
    void turningAStoryIntoALiveblogStartsItLive() {
        Created a = article().draft();
        admin().header("If-Match", a.etag()).contentType("application/merge-patch+json").body("{\"kind\": \"liveblog\"}")
                .patch(a.adminPath()).then().statusCode(200).body("kind", equalTo("liveblog")).body("live", equalTo(true));
    }
}
