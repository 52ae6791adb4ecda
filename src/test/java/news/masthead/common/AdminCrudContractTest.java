package news.masthead.common;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every admin collection keeps, run against each of them from one small descriptor,
 * in the manner of Gentics Mesh's shared CRUD test cases: create answers 201 with Location and the
 * resource, get answers it, a merge patch changes what it names, delete answers 204, a path id that
 * is not a UUID is a 404 problem, and an unknown property is a 400 problem naming it. What each
 * resource does beyond that stays in its own test class.
 */
@QuarkusTest
class AdminCrudContractTest {

    /** What happens to a resource that was deleted: gone, or kept and marked (revoked, trashed). */
    enum AfterDelete { GONE, REVOKED, TRASHED }

    /**
     * One admin collection: where it lives, a fresh valid create body, one patchable field with a new
     * value, whether writes need If-Match (articles), and what a delete leaves.
     */
    record Collection(String name, String path, Supplier<Map<String, Object>> create, String field, Object value,
                      boolean ifMatch, AfterDelete afterDelete) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Collection> collections() {
        return Stream.of(
                new Collection("articles", "/api/v1/admin/articles", () -> Articles.article().body(),
                        "summary", "A summary, changed.", true, AfterDelete.TRASHED),
                new Collection("authors", "/api/v1/admin/authors", () -> Map.of("name", "Author " + Api.unique("crud")),
                        "jobTitle", "Night editor", false, AfterDelete.GONE),
                new Collection("sections", "/api/v1/admin/sections", () -> Map.of("name", "Section " + Api.unique("crud")),
                        "description", "Changed.", false, AfterDelete.GONE),
                new Collection("copyright notices", "/api/v1/admin/copyright-notices",
                        () -> Map.of("holder", "Holder " + Api.unique("crud"), "year", 2026),
                        "statement", "Some rights reserved.", false, AfterDelete.GONE),
                new Collection("tokens", "/api/v1/admin/tokens", () -> Map.of("name", Api.unique("crud"), "role", "editor"),
                        "name", "renamed", false, AfterDelete.REVOKED),
                new Collection("partners", "/api/v1/admin/partners", () -> Map.of("name", "Partner " + Api.unique("crud")),
                        "receivesEmbargoed", true, false, AfterDelete.GONE),
                // Inactive: it must not collect deliveries from the rest of the suite.
                new Collection("webhooks", "/api/v1/admin/webhooks", () -> Map.of("url", "https://hooks.example.com/crud",
                        "events", List.of("article.published"), "active", false),
                        "events", List.of("article.trashed"), false, AfterDelete.GONE),
                new Collection("collections", "/api/v1/admin/collections", () -> Map.of("name", "Front " + Api.unique("crud")),
                        "description", "Changed.", true, AfterDelete.GONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void createAnswers201WithLocationAndTheResourceItNames(Collection c) {
        Response created = Api.admin().body(c.create().get()).post(c.path());
        created.then().statusCode(201).contentType(startsWith("application/json")).body("id", notNullValue());
        String id = created.path("id");
        created.then().header("Location", startsWith("http")).header("Location", endsWith(c.path() + "/" + id));
        Api.admin().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void getAnswersTheResourceAndAnUnknownIdIs404(Collection c) {
        String id = create(c).path("id");
        Api.admin().get(c.path() + "/" + id).then().statusCode(200).contentType(startsWith("application/json"))
                .body("id", equalTo(id));
        Api.admin().get(c.path() + "/" + UUID.randomUUID()).then().statusCode(404).contentType(Problems.JSON)
                .body("type", equalTo(Problems.NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void mergePatchAnswers200WithTheChangeAndKeepsIt(Collection c) {
        Response created = create(c);
        String item = c.path() + "/" + created.path("id");
        writer(c, created).contentType("application/merge-patch+json").body(Map.of(c.field(), c.value())).patch(item)
                .then().statusCode(200).contentType(startsWith("application/json")).body(c.field(), equalTo(c.value()));
        Api.admin().get(item).then().statusCode(200).body(c.field(), equalTo(c.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void deleteAnswers204(Collection c) {
        Response created = create(c);
        String item = c.path() + "/" + created.path("id");
        writer(c, created).delete(item).then().statusCode(204);
        switch (c.afterDelete()) {
            case GONE -> Api.admin().get(item).then().statusCode(404).contentType(Problems.JSON)
                    .body("type", equalTo(Problems.NOT_FOUND));
            case REVOKED -> Api.admin().get(item).then().statusCode(200).body("revokedAt", notNullValue());
            case TRASHED -> Api.admin().get(item).then().statusCode(200).body("status", equalTo("trashed"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void aPathIdThatIsNotAUuidIs404Problem(Collection c) {
        String item = c.path() + "/not-a-uuid";
        Api.admin().get(item).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of(c.field(), c.value()))
                .patch(item).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().header("If-Match", "\"1\"").delete(item).then().statusCode(404).contentType(Problems.JSON)
                .body("type", equalTo(Problems.NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void anUnknownPropertyIs400ProblemNamingIt(Collection c) {
        Map<String, Object> body = new HashMap<>(c.create().get());
        body.put("colour", "blue");
        Api.admin().body(body).post(c.path()).then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("colour"));

        Response created = create(c);
        String item = c.path() + "/" + created.path("id");
        // Set to null it would vanish in the merge; it is refused all the same, and nothing changes.
        writer(c, created).contentType("application/merge-patch+json").body("{\"colour\": null}").patch(item)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("colour"));
        Api.admin().get(item).then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    private static Response create(Collection c) {
        Response r = Api.admin().body(c.create().get()).post(c.path());
        r.then().statusCode(201);
        return r;
    }

    /** The admin token, with If-Match where the collection needs it. */
    private static RequestSpecification writer(Collection c, Response created) {
        RequestSpecification r = Api.admin();
        return c.ifMatch() ? r.header("If-Match", created.header("ETag")) : r;
    }
}
