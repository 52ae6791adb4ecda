package news.masthead.author;

import static news.masthead.testsupport.Fixtures.AUTHORS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorAdminApiTest {

    @Test
    void creatingAnAuthorAnswers201WithLocationAndBody() {
        String slug = Api.unique("jane");
        String id = Api.admin().body(Map.of("slug", slug, "name", "Jane Doe", "jobTitle", "Correspondent",
                        "bio", "Covers diplomacy.", "avatarUrl", "https://cdn.example.com/jane.jpg", "email", "jane@example.com"))
                .post(AUTHORS)
                .then().statusCode(201)
                .contentType(containsString("application/json"))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Jane Doe"))
                .body("jobTitle", equalTo("Correspondent"))
                .body("bio", equalTo("Covers diplomacy."))
                .body("avatarUrl", equalTo("https://cdn.example.com/jane.jpg"))
                .body("email", equalTo("jane@example.com"))
                .body("createdAt", notNullValue())
                .body("modifiedAt", notNullValue())
                .extract().path("id");
        Api.admin().get(AUTHORS + "/" + id).then().statusCode(200).body("slug", equalTo(slug)).body("id", equalTo(id));
    }

    @Test
    void aMissingSlugIsDerivedFromTheNameAndMadeUnique() {
        String token = Api.unique("x");
        String name = "Zoë O'Brien " + token;
        String first = Api.admin().body(Map.of("name", name)).post(AUTHORS).then().statusCode(201)
                .extract().path("slug");
        String second = Api.admin().body(Map.of("name", name)).post(AUTHORS).then().statusCode(201)
                .extract().path("slug");
        assertEquals("zoe-o-brien-" + token, first);
        assertEquals(first + "-2", second);
    }

    @Test
    void creatingWithoutTokenIs401WithChallenge() {
        Api.anonymous().contentType("application/json").body(Map.of("name", "X")).post(AUTHORS)
                .then().statusCode(401)
                .contentType(Problems.JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(Problems.UNAUTHORIZED));
    }

    @Test
    void everyAdminAuthorOperationNeedsAToken() {
        String id = UUID.randomUUID().toString();
        Api.anonymous().get(AUTHORS).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().get(AUTHORS + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().contentType("application/merge-patch+json").body("{}").patch(AUTHORS + "/" + id)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().delete(AUTHORS + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().header("Authorization", "Bearer not-a-token").get(AUTHORS)
                .then().statusCode(401).contentType(Problems.JSON).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void invalidValuesAre400NamingEachField() {
        Api.admin().body(Map.of("slug", "Not A Slug", "name", " ", "avatarUrl", "ftp://example.com/a.jpg",
                        "email", "not-an-email"))
                .post(AUTHORS)
                .then().statusCode(400)
                .contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("slug", "name", "avatarUrl", "email"));
    }

    @Test
    void aRelativeAvatarUrlIsRefused() {
        Api.admin().body(Map.of("name", "X", "avatarUrl", "/images/x.jpg")).post(AUTHORS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("errors.field", hasItem("avatarUrl"));
    }

    @Test
    void aTooLongSlugIsRefused() {
        Api.admin().body(Map.of("name", "X", "slug", "a".repeat(121))).post(AUTHORS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors.field", hasItem("slug"));
    }

    @Test
    void settingTheIdOnCreateIs400NamingIt() {
        Api.admin().body(Map.of("name", "X", "id", UUID.randomUUID().toString())).post(AUTHORS)
                .then().statusCode(400)
                .contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aGivenSlugThatIsTakenIsAConflictNamingIt() {
        String slug = Fixtures.author();
        Api.admin().body(Map.of("slug", slug, "name", "Other")).post(AUTHORS)
                .then().statusCode(409)
                .contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT))
                .body("detail", containsString(slug));
    }

    @Test
    void patchingChangesOnlyTheGivenFieldsAndNullClears() {
        JsonPath author = Fixtures.createAuthor();
        String id = author.getString("id");
        Api.admin().contentType("application/merge-patch+json")
                .body(Map.of("jobTitle", "Editor at large", "bio", "Writes."))
                .patch(AUTHORS + "/" + id)
                .then().statusCode(200)
                .body("jobTitle", equalTo("Editor at large"))
                .body("bio", equalTo("Writes."))
                .body("slug", equalTo(author.getString("slug")))
                .body("email", equalTo(author.getString("email")));
        Api.admin().body("{\"bio\": null}").patch(AUTHORS + "/" + id)
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("bio", nullValue())
                .body("jobTitle", equalTo("Editor at large"));
        Api.admin().get(AUTHORS + "/" + id).then().statusCode(200).body("bio", nullValue());
    }

    @Test
    void patchingAReadOnlyPropertyIs400NamingIt() {
        String id = Fixtures.createAuthor().getString("id");
        Api.admin().contentType("application/merge-patch+json").body(Map.of("createdAt", "2020-01-01T00:00:00Z"))
                .patch(AUTHORS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("createdAt"));
        Api.admin().contentType("application/merge-patch+json").body(Map.of("id", UUID.randomUUID().toString()))
                .patch(AUTHORS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("id"));
    }

    @Test
    void patchingWithInvalidValuesIs400() {
        String id = Fixtures.createAuthor().getString("id");
        Api.admin().contentType("application/merge-patch+json").body("{\"name\": null, \"email\": \"nope\"}")
                .patch(AUTHORS + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("name", "email"));
    }

    @Test
    void patchingToATakenSlugIsAConflict() {
        String taken = Fixtures.author();
        String id = Fixtures.createAuthor().getString("id");
        Api.admin().body(Map.of("slug", taken)).patch(AUTHORS + "/" + id)
                .then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT)).body("detail", containsString(taken));
    }

    @Test
    void unknownIdIs404Problem() {
        String unknown = AUTHORS + "/" + UUID.randomUUID();
        Api.admin().get(unknown).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().body(Map.of("bio", "x")).patch(unknown).then().statusCode(404).contentType(Problems.JSON);
        Api.admin().delete(unknown).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().get(AUTHORS + "/not-a-uuid").then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void deletingAnUnusedAuthorAnswers204AndItIsGone() {
        String id = Fixtures.createAuthor().getString("id");
        Api.admin().delete(AUTHORS + "/" + id).then().statusCode(204);
        Api.admin().get(AUTHORS + "/" + id).then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void deletingAnAuthorInUseIsAConflict() {
        JsonPath author = Fixtures.createAuthor();
        Fixtures.article(author.getString("slug"), null, Fixtures.notice(false));
        Api.admin().delete(AUTHORS + "/" + author.getString("id"))
                .then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT));
        Api.admin().get(AUTHORS + "/" + author.getString("id")).then().statusCode(200);
    }

    @Test
    void theAdminListPagesBySlugWithACursor() {
        Fixtures.author();
        Fixtures.author();
        JsonPath first = Api.admin().queryParam("limit", 1).get(AUTHORS)
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("meta.limit", equalTo(1))
                .body("meta.nextCursor", notNullValue())
                .body("data[0]", hasKey("email")) // the first author by slug may be another test's, without an email
                .extract().jsonPath();
        Api.admin().queryParam("limit", 1).queryParam("cursor", first.getString("meta.nextCursor")).get(AUTHORS)
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].slug", not(equalTo(first.getString("data[0].slug"))));
    }

    @Test
    void aBadLimitCursorOrUnknownQueryParameterIs400() {
        Api.admin().queryParam("limit", 0).get(AUTHORS).then().statusCode(400).contentType(Problems.JSON)
                .body("errors[0].field", equalTo("limit"));
        Api.admin().queryParam("limit", 101).get(AUTHORS).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        Api.admin().queryParam("cursor", "!!!").get(AUTHORS).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        Api.admin().queryParam("sort", "name").get(AUTHORS).then().statusCode(400).contentType(Problems.JSON)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void locationNamesTheNewAuthor() {
        var response = Api.admin().body(Map.of("name", "Located")).post(AUTHORS).then().statusCode(201).extract();
        String id = response.path("id");
        assertThat(response.header("Location"), endsWith(AUTHORS + "/" + id));
    }
}
