package news.masthead.section;

import static news.masthead.testsupport.Fixtures.SECTIONS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SectionAdminApiTest {

    @Test
    void creatingASectionAnswers201WithLocationAndBody() {
        String parent = Fixtures.section();
        String slug = Api.unique("war-in-ukraine");
        var created = Api.admin().body(Map.of("slug", slug, "name", "War in Ukraine", "description", "The war.",
                        "parent", parent, "position", 3))
                .post(SECTIONS)
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("slug", equalTo(slug))
                .body("name", equalTo("War in Ukraine"))
                .body("description", equalTo("The war."))
                .body("parent", equalTo(parent))
                .body("position", equalTo(3))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(SECTIONS + "/" + id));
        Api.admin().get(SECTIONS + "/" + id).then().statusCode(200).body("slug", equalTo(slug)).body("parent", equalTo(parent));
    }

    @Test
    void aMissingSlugIsDerivedAndPositionDefaultsToZero() {
        String token = Api.unique("s");
        Api.admin().body(Map.of("name", "Top Stories " + token)).post(SECTIONS)
                .then().statusCode(201)
                .body("slug", equalTo("top-stories-" + token))
                .body("position", equalTo(0))
                .body("parent", nullValue());
        Api.admin().body(Map.of("name", "Top Stories " + token)).post(SECTIONS)
                .then().statusCode(201).body("slug", equalTo("top-stories-" + token + "-2"));
    }

    @Test
    void writingWithoutTokenIs401WithChallenge() {
        Api.anonymous().contentType("application/json").body(Map.of("name", "X")).post(SECTIONS)
                .then().statusCode(401).contentType(Problems.JSON)
                .header("WWW-Authenticate", startsWith("Bearer")).body("type", equalTo(Problems.UNAUTHORIZED));
        String id = UUID.randomUUID().toString();
        Api.anonymous().get(SECTIONS).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().get(SECTIONS + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().contentType("application/json").body("{}").patch(SECTIONS + "/" + id)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().delete(SECTIONS + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void invalidValuesAre400NamingEachField() {
        Api.admin().body(Map.of("slug", "-bad-", "name", "", "position", -1, "parent", "Not a slug"))
                .post(SECTIONS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("slug", "name", "position", "parent"));
    }

    @Test
    void aWrongTypeInAPatchIs400NamingTheField() {
        String id = Fixtures.createSection(null).getString("id");
        Api.admin().body(Map.of("position", "first")).patch(SECTIONS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("position"));
    }

    @Test
    void aWrongTypeOnCreateIs400ProblemNamingTheField() {
        Api.admin().body(Map.of("name", "X", "position", "first")).post(SECTIONS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("position"));
    }

    @Test
    void settingTheIdOnCreateIs400NamingIt() {
        Api.admin().body(Map.of("name", "X", "id", UUID.randomUUID().toString())).post(SECTIONS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("id"));
    }

    @Test
    void anUnknownParentIs400NamingParent() {
        Api.admin().body(Map.of("name", "Orphan", "parent", Api.unique("missing"))).post(SECTIONS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("parent"));
    }

    @Test
    void aGivenSlugThatIsTakenIsAConflictNamingIt() {
        String slug = Fixtures.section();
        Api.admin().body(Map.of("slug", slug, "name", "Again")).post(SECTIONS)
                .then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT)).body("detail", containsString(slug));
        String id = Fixtures.createSection(null).getString("id");
        Api.admin().body(Map.of("slug", slug)).patch(SECTIONS + "/" + id)
                .then().statusCode(409).contentType(Problems.JSON).body("detail", containsString(slug));
    }

    @Test
    void patchingMovesASectionAndNullParentMakesItTopLevel() {
        String parent = Fixtures.section();
        JsonPath section = Fixtures.createSection(null);
        String id = section.getString("id");
        Api.admin().contentType("application/merge-patch+json").body(Map.of("parent", parent, "position", 7))
                .patch(SECTIONS + "/" + id)
                .then().statusCode(200)
                .body("parent", equalTo(parent)).body("position", equalTo(7))
                .body("slug", equalTo(section.getString("slug"))).body("name", equalTo(section.getString("name")));
        Api.admin().contentType("application/merge-patch+json").body("{\"parent\": null}")
                .patch(SECTIONS + "/" + id)
                .then().statusCode(200).body("parent", nullValue()).body("position", equalTo(7));
    }

    @Test
    void aSectionCannotBecomeItsOwnAncestor() {
        JsonPath top = Fixtures.createSection(null);
        JsonPath middle = Fixtures.createSection(top.getString("slug"));
        String bottom = Fixtures.section(middle.getString("slug"));
        Api.admin().body(Map.of("parent", bottom)).patch(SECTIONS + "/" + top.getString("id"))
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("parent"));
        Api.admin().body(Map.of("parent", top.getString("slug"))).patch(SECTIONS + "/" + top.getString("id"))
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("parent"));
        Api.admin().get(SECTIONS + "/" + top.getString("id")).then().statusCode(200).body("parent", nullValue());
    }

    @Test
    void patchingAnUnknownParentOrReadOnlyPropertyIs400() {
        String id = Fixtures.createSection(null).getString("id");
        Api.admin().body(Map.of("parent", Api.unique("missing"))).patch(SECTIONS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("parent"));
        Api.admin().body(Map.of("id", UUID.randomUUID().toString())).patch(SECTIONS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("id"));
        Api.admin().body(Map.of("position", -5)).patch(SECTIONS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("position"));
    }

    @Test
    void unknownIdIs404Problem() {
        String unknown = SECTIONS + "/" + UUID.randomUUID();
        Api.admin().get(unknown).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().body(Map.of("name", "x")).patch(unknown).then().statusCode(404).contentType(Problems.JSON);
        Api.admin().delete(unknown).then().statusCode(404).contentType(Problems.JSON);
        Api.admin().get(SECTIONS + "/123").then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void deletingAnEmptySectionAnswers204() {
        String id = Fixtures.createSection(null).getString("id");
        Api.admin().delete(SECTIONS + "/" + id).then().statusCode(204);
        Api.admin().get(SECTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void deletingASectionWithSubsectionsIsAConflict() {
        JsonPath parent = Fixtures.createSection(null);
        Fixtures.section(parent.getString("slug"));
        Api.admin().delete(SECTIONS + "/" + parent.getString("id"))
                .then().statusCode(409).contentType(Problems.JSON).body("type", equalTo(Problems.CONFLICT));
    }

    @Test
    void deletingASectionInUseIsAConflict() {
        JsonPath section = Fixtures.createSection(null);
        Fixtures.article(null, section.getString("slug"), Fixtures.notice(false));
        Api.admin().delete(SECTIONS + "/" + section.getString("id"))
                .then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT)).body("detail", containsString(section.getString("slug")));
        Api.admin().get(SECTIONS + "/" + section.getString("id")).then().statusCode(200);
    }

    @Test
    void theAdminListPagesWithACursor() {
        Fixtures.section();
        Fixtures.section();
        String cursor = Api.admin().queryParam("limit", 1).get(SECTIONS)
                .then().statusCode(200).body("data", hasSize(1)).body("meta.limit", equalTo(1))
                .body("meta.nextCursor", notNullValue()).extract().path("meta.nextCursor");
        Api.admin().queryParam("limit", 1).queryParam("cursor", cursor).get(SECTIONS)
                .then().statusCode(200).body("data", hasSize(1));
        Api.admin().queryParam("limit", "ten").get(SECTIONS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("limit"));
    }
}
