package news.masthead.syndication;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.NinjsSchema;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

/** A killed story as partners see it, and the whole takedown across every public and partner channel. */
@QuarkusTest
class KilledStoryPartnersTest {
    private static final String GONE = "urn:masthead:problem:gone";

    private static void kill(Created a) {
        admin().header("If-Match", a.currentEtag()).body(Map.of("reason", "Legal: court order."))
                .post(a.adminPath() + "/kill").then().statusCode(200);
    }

    @Test
    void killedStoryIsGoneFromEveryPublicAndPartnerChannel() {
        String section = Fixtures.section();
        String author = Fixtures.author();
        String notice = Partners.notice("partners");
        String secret = Partners.token(Partners.create(false, section));
        SyncClient partner = new SyncClient(secret);
        partner.sync();
        String word = "okapi" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Created story = article().section(section).authors(author).with("copyrightNotice", notice)
                .with("headline", "Minister " + word + " affair").published();
        String renamed = story.slug() + "-v2";
        admin().header("If-Match", story.currentEtag()).body(Map.of("slug", renamed)).patch(story.adminPath())
                .then().statusCode(200);
        List<String> publicReads = List.of("/api/v1/articles?limit=100", "/api/v1/articles?section=" + section,
                "/api/v1/articles?author=" + author, "/api/v1/articles?tag=" + story.tag(), "/api/v1/articles?q=" + word,
                "/api/v1/feeds/atom", "/api/v1/feeds/rss", "/api/v1/feeds/json", "/api/v1/feeds/rss?section=" + section);
        for (String read : publicReads) {
            assertTrue(given().get(read).then().statusCode(200).extract().asString().contains(story.id()), read);
        }
        partner.sync();
        assertTrue(partner.copy.containsKey(story.id()));
        assertTrue(Partners.as(secret).get("/api/v1/syndication/feed.atom").asString().contains(story.id()));

        kill(story);

        for (String read : publicReads) {
            String body = given().get(read).then().statusCode(200).extract().asString();
            assertFalse(body.contains(story.id()) || body.contains(word), read + " still shows it");
        }
        for (String slug : List.of(renamed, story.slug())) {
            given().get("/api/v1/articles/" + slug).then().statusCode(410).body("type", equalTo(GONE));
        }
        List<Map<String, Object>> seen = partner.sync();
        assertEquals(1, seen.size());
        assertEquals("removal", seen.get(0).get("type"));
        assertEquals("killed", seen.get(0).get("reason"));
        assertFalse(partner.copy.containsKey(story.id()));
        Partners.as(secret).get("/api/v1/syndication/articles?limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(story.id())));
        Partners.as(secret).get("/api/v1/syndication/articles?limit=100&format=ninjs").then().statusCode(200)
                .body("data.uri", not(hasItem("urn:masthead:article:" + story.id())));
        String feed = Partners.as(secret).get("/api/v1/syndication/feed.atom").then().statusCode(200).extract().asString();
        assertFalse(feed.contains(story.id()) || feed.contains(word), "the partner feed dropped it");
        Partners.as(secret).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(410)
                .contentType(Problems.JSON).body("type", equalTo(GONE));
    }

    @Test
    void ninjsByIdIsACanceledNoticeWithoutContentValidAgainstTheSchema() throws Exception {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(false, section));
        Created story = article().section(section).with("copyrightNotice", Partners.notice("partners"))
                .with("headline", "Defamatory headline").published();
        Partners.as(secret).get("/api/v1/syndication/articles/" + story.id() + "?format=ninjs").then()
                .statusCode(200).body("pubstatus", equalTo("usable"));
        kill(story);

        String doc = Partners.as(secret).get("/api/v1/syndication/articles/" + story.id() + "?format=ninjs").then()
                .statusCode(200).contentType("application/json").extract().asString();
        JsonNode ninjs = new ObjectMapper().readTree(doc);
        assertEquals(List.of(), List.copyOf(NinjsSchema.get().validate(ninjs)), doc);
        assertEquals("canceled", ninjs.get("pubstatus").asText());
        assertEquals("urn:masthead:article:" + story.id(), ninjs.get("uri").asText());
        assertEquals("partial", ninjs.get("representationtype").asText());
        assertTrue(ninjs.get("ednote").asText().startsWith("KILL"));
        String killedAt = admin().get(story.adminPath()).path("killed.at");
        assertEquals(java.time.Instant.parse(killedAt), java.time.Instant.parse(ninjs.get("versioncreated").asText()));
        for (String content : List.of("bodies", "headlines", "descriptions", "by", "people", "subjects", "altids")) {
            assertFalse(ninjs.has(content), content + " must not be sent: " + doc);
        }
        assertFalse(doc.contains("Defamatory") || doc.contains(story.slug()), doc);
    }

    @Test
    void aPartnerThatNeverReceivedTheStoryGets404NotAKillNotice() {
        String mine = Fixtures.section();
        String elsewhere = Fixtures.section();
        String outsider = Partners.token(Partners.create(false, elsewhere));
        String receiver = Partners.token(Partners.create(false, mine));
        SyncClient outsiderFeed = new SyncClient(outsider);
        outsiderFeed.sync();
        Created story = article().section(mine).with("copyrightNotice", Partners.notice("partners")).published();
        Partners.as(receiver).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(200);
        kill(story);

        Partners.as(receiver).get("/api/v1/syndication/articles/" + story.id()).then().statusCode(410);
        for (String format : List.of("json", "ninjs")) {
            Partners.as(outsider).get("/api/v1/syndication/articles/" + story.id() + "?format=" + format).then()
                    .statusCode(404).body("type", equalTo(Problems.NOT_FOUND));
        }
        assertTrue(outsiderFeed.sync().stream().noneMatch(c -> story.id().equals(c.get("id"))), "not even a removal");

        Created draft = article().section(mine).with("copyrightNotice", Partners.notice("partners")).draft();
        kill(draft);
        Partners.as(receiver).get("/api/v1/syndication/articles/" + draft.id() + "?format=ninjs").then().statusCode(404);
    }

    @Test
    void aKillAfterAnUnpublishStillTellsPartnersToDeleteTheirArchivedCopy() {
        String section = Fixtures.section();
        String secret = Partners.token(Partners.create(false, section));
        SyncClient partner = new SyncClient(secret);
        partner.sync();
        Created story = article().section(section).with("copyrightNotice", Partners.notice("partners")).published();
        partner.sync();
        admin().header("If-Match", story.currentEtag()).post(story.adminPath() + "/unpublish").then().statusCode(200);
        assertEquals(List.of("unpublished"), partner.sync().stream().map(c -> c.get("reason")).toList());
        kill(story);

        List<Map<String, Object>> seen = partner.sync();
        assertEquals(List.of("killed"), seen.stream().map(c -> c.get("reason")).toList(), "the kill follows: " + seen);
        Partners.as(secret).get("/api/v1/syndication/articles/" + story.id() + "?format=ninjs").then().statusCode(200)
                .body("pubstatus", equalTo("canceled"));
    }
}
