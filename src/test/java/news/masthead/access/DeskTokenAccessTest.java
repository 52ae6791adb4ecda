package news.masthead.access;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Desk tokens (limited to sections, whatever their role) read the shared reference data but never
 * change it, and never see or manage tokens, partners or webhooks: the two probes of issue #12 and
 * every sibling of theirs, against real resources so a 403 cannot be a 404 in disguise.
 */
@QuarkusTest
class DeskTokenAccessTest {
    private static final String FORBIDDEN = "urn:masthead:problem:forbidden";

    record Shared(String path, Supplier<Map<String, Object>> create, Map<String, Object> change, String field,
                  boolean deskMayRead) {
    }

    private static List<Shared> collections() {
        return List.of(
                new Shared(Fixtures.AUTHORS, () -> Map.of("name", "Author " + Api.unique("desk")),
                        Map.of("name", "Renamed by a desk"), "name", true),
                new Shared(Fixtures.SECTIONS, () -> Map.of("name", "Section " + Api.unique("desk")),
                        Map.of("name", "Renamed by a desk"), "name", true),
                new Shared(Fixtures.NOTICES, () -> Map.of("holder", "Holder " + Api.unique("desk"), "year", 2026),
                        Map.of("holder", "Changed by a desk"), "holder", true),
                new Shared("/api/v1/admin/tokens", () -> Map.of("name", Api.unique("desk"), "role", "editor"),
                        Map.of("name", "renamed-by-a-desk"), "name", false),
                new Shared("/api/v1/admin/partners", () -> Map.of("name", "Partner " + Api.unique("desk")),
                        Map.of("name", "Renamed by a desk"), "name", false),
                new Shared("/api/v1/admin/webhooks", () -> Map.of("url", "https://hooks.example.com/desk",
                        "events", List.of("article.published"), "active", false),
                        Map.of("url", "https://hooks.example.com/changed-by-desk"), "url", false));
    }

    @Test
    void deskEditorCannotReparentAnotherDesksSectionUnderItsOwn() {
        String politics = Fixtures.section();
        String world = Fixtures.createSection(null).getString("id");
        String desk = Tokens.secret("editor", politics);

        forbidden(Tokens.as(desk).body(Map.of("parent", politics)).patch(Fixtures.SECTIONS + "/" + world));

        Api.admin().get(Fixtures.SECTIONS + "/" + world).then().statusCode(200).body("parent", equalTo(null));
    }

    @Test
    void sectionLimitedAdminCannotCreateAnUnlimitedAdminToken() {
        String desk = Tokens.secret("admin", Fixtures.section());

        forbidden(Tokens.as(desk).body(Map.of("name", Api.unique("escalated"), "role", "admin"))
                .post("/api/v1/admin/tokens"));
    }

    @Test
    void deskTokensOfEveryRoleChangeNoSharedResourceAndManageNoAccess() {
        List<String> desks = new ArrayList<>();
        for (String role : List.of("admin", "editor", "writer")) {
            desks.add(Tokens.secret(role, Fixtures.section()));
        }
        int calls = 0;
        for (Shared c : collections()) {
            String id = Api.admin().body(c.create().get()).post(c.path()).then().statusCode(201).extract().path("id");
            Object before = Api.admin().get(c.path() + "/" + id).then().statusCode(200).extract().path(c.field());
            for (String desk : desks) {
                forbidden(Tokens.as(desk).body(c.create().get()).post(c.path()));
                forbidden(Tokens.as(desk).body(c.change()).patch(c.path() + "/" + id));
                forbidden(Tokens.as(desk).delete(c.path() + "/" + id));
                if (c.deskMayRead()) {
                    Tokens.as(desk).get(c.path() + "/" + id).then().statusCode(200).body("id", equalTo(id));
                    Tokens.as(desk).get(c.path()).then().statusCode(200);
                } else {
                    forbidden(Tokens.as(desk).get(c.path() + "/" + id));
                    forbidden(Tokens.as(desk).get(c.path()));
                }
                calls += 5;
            }
            // Nothing was changed or deleted (a revoked token is still readable, so check the field too).
            Api.admin().get(c.path() + "/" + id).then().statusCode(200).body(c.field(), equalTo(before));
            if (c.path().endsWith("tokens")) {
                Api.admin().get(c.path() + "/" + id).then().body("revokedAt", equalTo(null));
            }
        }
        assertEquals(6 * 3 * 5, calls);
    }

    @Test
    void unlimitedEditorStillManagesSharedResourcesButNotAccess() {
        String editor = Tokens.secret("editor");
        Tokens.as(editor).body(Map.of("name", "Section " + Api.unique("free"))).post(Fixtures.SECTIONS)
                .then().statusCode(201);
        forbidden(Tokens.as(editor).body(Map.of("name", Api.unique("escalated"), "role", "admin"))
                .post("/api/v1/admin/tokens"));
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403).contentType(startsWith(Problems.JSON)).body("type", equalTo(FORBIDDEN));
    }
}
