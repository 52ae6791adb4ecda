package news.masthead.section;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Tokens and partners keep their sections as ids, and "all sections" (an empty list) is never
 * reached by accident: not by deleting a section they name, not by a patch that does not touch
 * their sections, and not by two moves in the tree racing each other.
 */
@QuarkusTest
class SectionListsByIdTest {
    private static final String TOKENS = "/api/v1/admin/tokens";

    @Inject
    DataSource dataSource;

    @Test
    void deletingASectionALiveTokenNamesIs409UntilTheTokenIsRevoked() {
        JsonPath section = Fixtures.createSection(null);
        String tokenId = admin().body(Map.of("name", Api.unique("desk"), "role", "editor",
                "sections", List.of(section.getString("slug")))).post(TOKENS).then().statusCode(201).extract().path("id");

        admin().delete(Fixtures.SECTIONS + "/" + section.getString("id")).then().statusCode(409)
                .contentType(startsWith(Problems.JSON)).body("type", equalTo(Problems.CONFLICT))
                .body("detail", containsString("token"));
        admin().get(Fixtures.SECTIONS + "/" + section.getString("id")).then().statusCode(200);

        admin().delete(TOKENS + "/" + tokenId).then().statusCode(204);
        admin().delete(Fixtures.SECTIONS + "/" + section.getString("id")).then().statusCode(204);
    }

    @Test
    void deletingASectionAPartnerNamesIs409UntilThePartnerNoLongerNamesIt() {
        JsonPath section = Fixtures.createSection(null);
        String partner = Partners.create(false, section.getString("slug"));

        admin().delete(Fixtures.SECTIONS + "/" + section.getString("id")).then().statusCode(409)
                .contentType(startsWith(Problems.JSON)).body("type", equalTo(Problems.CONFLICT))
                .body("detail", containsString("partner"));

        admin().body(Map.of("sections", List.of(Fixtures.section()))).patch("/api/v1/admin/partners/" + partner)
                .then().statusCode(200);
        admin().delete(Fixtures.SECTIONS + "/" + section.getString("id")).then().statusCode(204);
    }

    /**
     * A token whose only section no longer resolves (as a revoked token's may, or one from before
     * this rule) must not become unlimited when someone renames it: a merge patch that leaves
     * sections alone keeps the stored ids, and the token still reaches nothing outside them.
     */
    @Test
    void aTokenWhoseSectionNoLongerResolvesStaysLimitedThroughARename() throws SQLException {
        String section = Fixtures.section();
        JsonPath token = admin().body(Map.of("name", Api.unique("desk"), "role", "admin", "sections", List.of(section)))
                .post(TOKENS).then().statusCode(201).extract().jsonPath();
        UUID vanished = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update api_token set section_ids = ? where id = ?")) {
            s.setArray(1, c.createArrayOf("uuid", new Object[] {vanished}));
            s.setObject(2, UUID.fromString(token.getString("id")));
            assertEquals(1, s.executeUpdate());
        }

        admin().body(Map.of("name", Api.unique("renamed"))).patch(TOKENS + "/" + token.getString("id"))
                .then().statusCode(200);

        assertArrayEquals(new Object[] {vanished}, storedSections(token.getString("id")));
        String secret = token.getString("secret");
        Created elsewhere = article().section(Fixtures.section()).draft();
        Tokens.as(secret).get("/api/v1/admin/articles?limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(elsewhere.id())));
        Tokens.as(secret).get(elsewhere.adminPath()).then().statusCode(404);
        Tokens.as(secret).body(Map.of("name", Api.unique("x"), "role", "admin")).post(TOKENS).then().statusCode(403);
    }

    /**
     * Two moves that would each be fine alone (B under A, A under B) make a cycle if both check the
     * tree before either commits. Here a second transaction makes the first move the way the
     * service does (tree lock, then update) and holds it open; the API's move must wait for it and
     * then see it, refusing the cycle.
     */
    @Test
    void aMoveWaitsForAConcurrentMoveAndThenRefusesTheCycleItWouldMake() throws Exception {
        JsonPath a = Fixtures.createSection(null);
        JsonPath b = Fixtures.createSection(null);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             Connection watcher = dataSource.getConnection(); Statement w = watcher.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(" + SectionService.TREE_LOCK + ")");
            s.executeUpdate("update section set parent_id = '" + a.getString("id") + "' where id = '" + b.getString("id") + "'");

            CompletableFuture<io.restassured.response.Response> move = CompletableFuture.supplyAsync(() ->
                    admin().body(Map.of("parent", b.getString("slug"))).patch(Fixtures.SECTIONS + "/" + a.getString("id")));
            assertTrue(waitsForAdvisoryLock(w), "the API's move waits for the tree lock");
            c.commit();

            move.get(30, TimeUnit.SECONDS).then().statusCode(400).contentType(startsWith(Problems.JSON))
                    .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("parent"));
        }
        admin().get(Fixtures.SECTIONS + "/" + a.getString("id")).then().statusCode(200).body("parent", equalTo(null));
        admin().get(Fixtures.SECTIONS + "/" + b.getString("id")).then().statusCode(200).body("parent", equalTo(a.getString("slug")));
    }

    private Object[] storedSections(String tokenId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select section_ids from api_token where id = ?")) {
            s.setObject(1, UUID.fromString(tokenId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return (Object[]) r.getArray(1).getArray();
            }
        }
    }

    private static boolean waitsForAdvisoryLock(Statement s) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'Lock' and wait_event = 'advisory' and pid <> pg_backend_pid()")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }
}
