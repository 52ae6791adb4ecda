package news.masthead.syndication;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyndicationTest {

    @Test
    void storyUnderANoneNoticeAppearsInNoPartnerChannel() {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(true, section));
        SyncClient client = new SyncClient(secret);
        client.sync();
        Created forbidden = article().section(section).with("copyrightNotice", Partners.notice("none")).published();
        admin().header("If-Match", forbidden.currentEtag()).body(Map.of("updateNote", "More.", "summary", "x"))
                .patch(forbidden.adminPath()).then().statusCode(200);
        admin().header("If-Match", forbidden.currentEtag()).post(forbidden.adminPath() + "/unpublish").then().statusCode(200);

        Partners.as(secret).get("/api/v1/syndication/articles?limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(forbidden.id())));
        Partners.as(secret).get("/api/v1/syndication/articles/" + forbidden.id()).then().statusCode(404)
                .contentType("application/problem+json");
        List<Map<String, Object>> seen = client.sync();
        assertTrue(seen.stream().noneMatch(c -> forbidden.id().equals(c.get("id"))), "not even a removal names it");
    }

    @Test
    void licensedStoryIsSyndicatedWithoutPromoOrCustomHtmlAndRemovedWhenUnpublished() {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(false, section));
        SyncClient client = new SyncClient(secret);
        client.sync();
        Created story = article().section(section).with("copyrightNotice", Partners.notice("partners"))
                .with("body", List.of(Map.of("type", "paragraph", "text", "Kept."),
                        Map.of("type", "promo", "text", "Get the app."),
                        Map.of("type", "html", "html", "<div>custom</div>")))
                .published();

        Partners.as(secret).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200)
                .body("body.type", equalTo(List.of("paragraph"))).body("copyright.notice", notNullValue());
        Partners.as(secret).get("/api/v1/syndication/articles").then().statusCode(200).body("data.id", hasItem(story.id()));
        client.sync();
        assertTrue(client.copy.containsKey(story.id()));

        admin().header("If-Match", story.currentEtag()).post(story.adminPath() + "/unpublish").then().statusCode(200);
        List<Map<String, Object>> seen = client.sync();
        assertEquals(1, seen.size());
        assertEquals(Map.of("type", "removal", "id", story.id(), "reason", "unpublished"), withoutSequence(seen.get(0)));
        assertFalse(client.copy.containsKey(story.id()));
        Partners.as(secret).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(404);
    }

    @Test
    void listedNoticeReachesOnlyItsPartnersAndARightsChangeRemovesTheStory() {
        String section = Fixtures.section();
        String listedPartner = Partners.create(false, section);
        String listed = Partners.token(listedPartner);
        String other = Partners.token(Partners.create(false, section));
        String notice = Partners.notice("listed", listedPartner);
        Created story = article().section(section).with("copyrightNotice", notice).published();

        Partners.as(listed).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200);
        Partners.as(other).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(404);
        SyncClient client = new SyncClient(listed);
        client.sync();
        assertTrue(client.copy.containsKey(story.id()));

        admin().contentType("application/merge-patch+json").body(Map.of("syndication", "none"))
                .patch("/api/v1/admin/copyright-notices/" + notice).then().statusCode(200);
        List<Map<String, Object>> seen = client.sync();
        assertEquals(1, seen.size());
        assertEquals(Map.of("type", "removal", "id", story.id(), "reason", "rights"), withoutSequence(seen.get(0)));
    }

    @Test
    void partnerReceivesOnlyItsSections() {
        String mine = Fixtures.section();
        String child = Fixtures.section(mine);
        String elsewhere = Fixtures.section();
        String secret = Partners.token(Partners.create(false, mine));
        String notice = Partners.notice("partners");
        Created inChild = article().section(child).with("copyrightNotice", notice).published();
        Created outside = article().section(elsewhere).with("copyrightNotice", notice).published();
        Partners.as(secret).get("/api/v1/syndication/articles/" + inChild.id()).then().statusCode(200);
        Partners.as(secret).get("/api/v1/syndication/articles/" + outside.id()).then().statusCode(404);
    }

    @Test
    void embargoedStoryReachesPartnersThatTakeEmbargoesAtOnceAndThePublicLater() {
        String section = Fixtures.section();
        String early = Partners.token(Partners.create(true, section));
        String late = Partners.token(Partners.create(false, section));
        Created story = article().section(section).with("copyrightNotice", Partners.notice("partners")).draft();
        Instant embargo = Instant.now().plusSeconds(3600);
        admin().header("If-Match", story.etag()).body(Map.of("embargoedUntil", embargo.toString()))
                .post(story.adminPath() + "/publish").then().statusCode(200)
                .body("embargoedUntil", notNullValue()).body("status", equalTo("scheduled"));

        io.restassured.RestAssured.given().get("/api/v1/articles/" + story.slug()).then().statusCode(404);
        Partners.as(early).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200)
                .body("embargoedUntil", notNullValue());
        Partners.as(late).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(404);
        SyncClient lateClient = new SyncClient(late);
        lateClient.sync();
        assertFalse(lateClient.copy.containsKey(story.id()));
    }

    /**
     * The change feed orders rows by the database's clock, the lists decide visibility by Masthead's:
     * when the clock moves past an embargo, the late partner must get the story in both at once, and
     * a later change must still come after it in the feed.
     */
    @Test
    void whenTheEmbargoPassesTheLatePartnerGetsTheStoryInItsListAndItsChangeFeedAlike() {
        String section = Fixtures.section();
        String early = Partners.token(Partners.create(true, section));
        String late = Partners.token(Partners.create(false, section));
        Created story = article().section(section).with("copyrightNotice", Partners.notice("partners")).draft();
        Instant embargo = Instant.now().plusSeconds(3600);
        admin().header("If-Match", story.etag()).body(Map.of("embargoedUntil", embargo.toString()))
                .post(story.adminPath() + "/publish").then().statusCode(200);
        SyncClient lateClient = new SyncClient(late);
        lateClient.sync();
        assertFalse(lateClient.copy.containsKey(story.id()));

        TestClock.get().advancePast(embargo);
        io.restassured.RestAssured.given().get("/api/v1/articles/" + story.slug()).then().statusCode(200);
        Partners.as(late).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200);
        Partners.as(late).get("/api/v1/syndication/articles").then().statusCode(200).body("data.id", hasItem(story.id()));
        Partners.as(early).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200)
                .body("embargoedUntil", org.hamcrest.Matchers.nullValue());
        List<Map<String, Object>> seen = lateClient.sync();
        assertEquals(List.of("upsert"), seen.stream().map(c -> c.get("type")).toList());
        assertTrue(lateClient.copy.containsKey(story.id()));

        admin().header("If-Match", story.currentEtag()).post(story.adminPath() + "/unpublish").then().statusCode(200);
        seen = lateClient.sync();
        assertEquals(1, seen.size(), "the change after the embargo comes after it in the feed");
        assertEquals(Map.of("type", "removal", "id", story.id(), "reason", "unpublished"), withoutSequence(seen.get(0)));
        assertFalse(lateClient.copy.containsKey(story.id()));
    }

    @Test
    void partnerTokenOfADeletedPartnerIsRevoked() {
        String partner = Partners.create(false);
        String secret = Partners.token(partner);
        Partners.as(secret).get("/api/v1/syndication/articles").then().statusCode(200);
        admin().delete("/api/v1/admin/partners/" + partner).then().statusCode(204);
        Partners.as(secret).get("/api/v1/syndication/articles").then().statusCode(401);
    }

    private static Map<String, Object> withoutSequence(Map<String, Object> change) {
        Map<String, Object> copy = new java.util.HashMap<>(change);
        assertTrue(copy.remove("sequence") instanceof Number);
        return copy;
    }
}
