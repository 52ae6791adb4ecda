package news.masthead.syndication;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.article.body.Sanitizer;
import news.masthead.common.time.Now;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.TestClock;
import news.masthead.transfer.NdjsonImport;
import news.masthead.transfer.WxrConverter;
import org.junit.jupiter.api.Test;

/**
 * The partner change feed follows the rights after every kind of write that can change them: the
 * replica a partner builds from {@code /changes} equals {@code /syndication/articles} before and
 * after each, and each write really changed the list (so equality is not that of two empty sets).
 */
@QuarkusTest
class ReplicaFollowsRightsTest {
    private static final String PARTNERS = "/api/v1/admin/partners/";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Sanitizer sanitizer;
    @Inject
    Now clock;

    @Test
    void movingASectionOutOfThePartnersSectionsRemovesItsStories() {
        JsonPath desk = Fixtures.createSection(null);
        JsonPath sub = Fixtures.createSection(desk.getString("slug"));
        SyncClient client = client(Partners.create(false, desk.getString("slug")));
        Created story = article(Partners.notice("partners")).section(sub.getString("slug")).published();
        assertTrue(inSync(client).containsKey(story.id()));

        admin().body(Map.of("parent", Fixtures.section())).patch(Fixtures.SECTIONS + "/" + sub.getString("id"))
                .then().statusCode(200);

        assertFalse(inSync(client).containsKey(story.id()));
    }

    @Test
    void movingASectionIntoThePartnersSectionsDeliversItsStories() {
        String desk = Fixtures.section();
        JsonPath elsewhere = Fixtures.createSection(null);
        SyncClient client = client(Partners.create(false, desk));
        Created story = article(Partners.notice("partners")).section(elsewhere.getString("slug")).published();
        assertFalse(inSync(client).containsKey(story.id()));

        admin().body(Map.of("parent", desk)).patch(Fixtures.SECTIONS + "/" + elsewhere.getString("id"))
                .then().statusCode(200);

        assertTrue(inSync(client).containsKey(story.id()));
    }

    @Test
    void deletingASectionBelowThePartnersSectionsKeepsTheReplicaEqual() {
        String desk = Fixtures.section();
        JsonPath empty = Fixtures.createSection(desk);
        SyncClient client = client(Partners.create(false, desk));
        Created story = article(Partners.notice("partners")).section(desk).published();
        assertTrue(inSync(client).containsKey(story.id()));

        admin().delete(Fixtures.SECTIONS + "/" + empty.getString("id")).then().statusCode(204);

        assertTrue(inSync(client).containsKey(story.id()));
    }

    @Test
    void aNoticesSyndicationTurnedOffAndOnAgain() {
        String desk = Fixtures.section();
        SyncClient client = client(Partners.create(false, desk));
        String notice = Partners.notice("partners");
        Created story = article(notice).section(desk).published();
        assertTrue(inSync(client).containsKey(story.id()));

        patchNotice(notice, Map.of("syndication", "none"));
        assertFalse(inSync(client).containsKey(story.id()));

        patchNotice(notice, Map.of("syndication", "partners"));
        assertTrue(inSync(client).containsKey(story.id()));
    }

    @Test
    void aNoticesListOfPartnersChanged() {
        String desk = Fixtures.section();
        String partner = Partners.create(false, desk);
        String other = Partners.create(false, desk);
        SyncClient client = client(partner);
        String notice = Partners.notice("listed", partner);
        Created story = article(notice).section(desk).published();
        assertTrue(inSync(client).containsKey(story.id()));

        patchNotice(notice, Map.of("partners", List.of(other)));
        assertFalse(inSync(client).containsKey(story.id()));

        patchNotice(notice, Map.of("partners", List.of(other, partner)));
        assertTrue(inSync(client).containsKey(story.id()));
    }

    @Test
    void aPartnersSectionsChanged() {
        String first = Fixtures.section();
        String second = Fixtures.section();
        String partner = Partners.create(false, first);
        SyncClient client = client(partner);
        String notice = Partners.notice("partners");
        Created inFirst = article(notice).section(first).published();
        Created inSecond = article(notice).section(second).published();
        assertEquals(List.of(inFirst.id()), List.copyOf(inSync(client).keySet()));

        admin().body(Map.of("sections", List.of(second))).patch(PARTNERS + partner).then().statusCode(200);

        assertEquals(List.of(inSecond.id()), List.copyOf(inSync(client).keySet()));
    }

    /** Taking embargo rights away removes a story it holds early; giving them back delivers it at once. */
    @Test
    void aPartnersEmbargoRightsChanged() {
        String desk = Fixtures.section();
        String partner = Partners.create(true, desk);
        SyncClient client = client(partner);
        Created story = article(Partners.notice("partners")).section(desk).draft();
        admin().header("If-Match", story.etag()).body(Map.of("embargoedUntil", Instant.now().plusSeconds(3600).toString()))
                .post(story.adminPath() + "/publish").then().statusCode(200);
        assertTrue(inSync(client).containsKey(story.id()));

        admin().body(Map.of("receivesEmbargoed", false)).patch(PARTNERS + partner).then().statusCode(200);
        assertFalse(inSync(client).containsKey(story.id()));

        admin().body(Map.of("receivesEmbargoed", true)).patch(PARTNERS + partner).then().statusCode(200);
        assertTrue(inSync(client).containsKey(story.id()));
    }

    /** A story scheduled and cancelled before its time never reached the partner: no removal either. */
    @Test
    void aScheduledStoryCancelledBeforeItsTimeLeavesNoTraceInTheFeed() {
        String desk = Fixtures.section();
        SyncClient client = client(Partners.create(false, desk));
        Created story = article(Partners.notice("partners")).section(desk).draft();
        Instant embargo = Instant.now().plusSeconds(3600);
        admin().header("If-Match", story.etag()).body(Map.of("embargoedUntil", embargo.toString()))
                .post(story.adminPath() + "/publish").then().statusCode(200);
        assertFalse(inSync(client).containsKey(story.id()));

        admin().header("If-Match", story.currentEtag()).post(story.adminPath() + "/unpublish").then().statusCode(200);
        inSync(client);
        TestClock.get().advancePast(embargo);
        inSync(client);

        assertTrue(client.applied.stream().noneMatch(a -> a.startsWith(story.id())), client.applied.toString());
    }

    /** NDJSON: a new article in the archive reaches the partner in the import's own transaction. */
    @Test
    void anNdjsonImport() throws Exception {
        String partner = Partners.create(false);
        SyncClient client = client(partner);
        String notice = Partners.notice("listed", partner);
        Created original = article(notice).section(Fixtures.section()).published();
        String copy = UUID.randomUUID().toString();
        Map<String, Object> before = inSync(client);
        assertTrue(before.containsKey(original.id()));
        assertFalse(before.containsKey(copy));

        String line = articleLine(original.id()).replace(original.id(), copy)
                .replace("\"" + original.slug() + "\"", "\"" + Api.unique("imported") + "\"");
        new NdjsonImport(dataSource, 500, sanitizer, clock).read(new BufferedReader(new StringReader(line)), l -> { });

        Map<String, Object> after = inSync(client);
        assertTrue(after.containsKey(original.id()));
        assertTrue(after.containsKey(copy), "the imported article reached the partner");
    }

    /** WXR: posts under a notice the partner may receive reach it the same way. */
    @Test
    void aWordPressImport() throws Exception {
        String partner = Partners.create(false);
        SyncClient client = client(partner);
        String notice = Partners.notice("listed", partner);
        int before = inSync(client).size();

        String site = "https://" + Api.unique("gazette") + ".example.org";
        List<String> lines = new WxrConverter(sanitizer, UUID.fromString(notice), clock.instant())
                .convert(new ByteArrayInputStream(Wxr.onePost(site, Api.unique("post"), "jsmith", "Jo Smith")
                        .getBytes(StandardCharsets.UTF_8)));
        new NdjsonImport(dataSource, 500, sanitizer, clock)
                .read(new BufferedReader(new StringReader(String.join("\n", lines))), l -> { });

        assertEquals(before + 1, inSync(client).size(), "the imported post reached the partner");
    }

    private static SyncClient client(String partnerId) {
        return new SyncClient(Partners.token(partnerId));
    }

    private static void patchNotice(String notice, Map<String, Object> change) {
        admin().body(change).patch(Fixtures.NOTICES + "/" + notice).then().statusCode(200);
    }

    /** Syncs the replica and checks it against the partner's list; returns id to revision. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> inSync(SyncClient client) {
        client.sync();
        Map<String, Object> replica = new HashMap<>();
        client.copy.forEach((id, a) -> replica.put(id, a.get("revision")));
        Map<String, Object> listed = new HashMap<>();
        String cursor = null;
        do {
            var request = Partners.as(client.secret).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/syndication/articles").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> a : page.<Map<String, Object>>getList("data")) {
                listed.put((String) a.get("id"), a.get("revision"));
            }
            cursor = page.getString("meta.nextCursor");
        } while (cursor != null);
        assertEquals(listed, replica, "the replica built from /changes equals /syndication/articles");
        return replica;
    }

    private String articleLine(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select jsonb_build_object('kind', 'article', 'record', to_jsonb(a) - 'visible_from',
                                          'authors', '[]'::jsonb, 'redirects', '[]'::jsonb, 'revisions', '[]'::jsonb)::text
                from article a where id = ?""")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
