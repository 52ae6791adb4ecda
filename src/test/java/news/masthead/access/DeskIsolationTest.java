package news.masthead.access;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A desk token cannot reach another desk's article by any sequence of writes it may make: every
 * write that could widen its reach (moving sections, renaming or deleting them, changing notices,
 * moving or creating articles, issuing itself a token) is refused, and afterwards the other desk's
 * article is as out of reach as before. The control at the end shows the test can fail: the same
 * reparenting done by an unlimited admin does bring the article into the desk's reach.
 */
@QuarkusTest
class DeskIsolationTest {

    @Test
    void deskTokenCannotReachAnotherDesksArticleByAnyWriteItMayMake() {
        JsonPath politics = Fixtures.createSection(null);
        JsonPath world = Fixtures.createSection(null);
        JsonPath ukraine = Fixtures.createSection(world.getString("slug"));
        String desk = Tokens.secret("editor", politics.getString("slug"));
        String notice = Fixtures.notice(false);
        Created own = createAs(desk, article(notice).section(politics.getString("slug")).body());
        Created theirs = article(notice).section(ukraine.getString("slug")).published();
        Created theirDraft = article().section(world.getString("slug")).draft();

        List<Attempt> attempts = List.of(
                new Attempt("reparent their section under ours", 403, r -> r.body(Map.of("parent", politics.getString("slug")))
                        .patch(Fixtures.SECTIONS + "/" + world.getString("id"))),
                new Attempt("reparent our section under theirs", 403, r -> r.body(Map.of("parent", world.getString("slug")))
                        .patch(Fixtures.SECTIONS + "/" + politics.getString("id"))),
                new Attempt("move their subsection under ours", 403, r -> r.body(Map.of("parent", politics.getString("slug")))
                        .patch(Fixtures.SECTIONS + "/" + ukraine.getString("id"))),
                new Attempt("rename our section to their slug", 403, r -> r.body(Map.of("slug", world.getString("slug")))
                        .patch(Fixtures.SECTIONS + "/" + politics.getString("id"))),
                new Attempt("rename their section", 403, r -> r.body(Map.of("slug", Api.unique("taken")))
                        .patch(Fixtures.SECTIONS + "/" + world.getString("id"))),
                new Attempt("delete their subsection", 403, r -> r.delete(Fixtures.SECTIONS + "/" + ukraine.getString("id"))),
                new Attempt("delete our own section", 403, r -> r.delete(Fixtures.SECTIONS + "/" + politics.getString("id"))),
                new Attempt("create a section under ours", 403, r -> r.body(Map.of("name", "Sub " + Api.unique("s"),
                        "parent", politics.getString("slug"))).post(Fixtures.SECTIONS)),
                new Attempt("change the notice both desks use", 403, r -> r.body(Map.of("syndication", "partners"))
                        .patch(Fixtures.NOTICES + "/" + notice)),
                new Attempt("delete a notice", 403, r -> r.delete(Fixtures.NOTICES + "/" + notice)),
                new Attempt("move our article into their section", 403, r -> r.header("If-Match", own.currentEtag())
                        .body(Map.of("section", world.getString("slug"))).patch(own.adminPath())),
                new Attempt("create an article in their section", 403, r -> r.body(article().section(ukraine.getString("slug"))
                        .body()).post(Fixtures.ARTICLES)),
                new Attempt("edit their article", 404, r -> r.header("If-Match", theirs.currentEtag())
                        .body(Map.of("section", politics.getString("slug"))).patch(theirs.adminPath())),
                new Attempt("unpublish their article", 404, r -> r.header("If-Match", theirs.currentEtag())
                        .post(theirs.adminPath() + "/unpublish")),
                new Attempt("publish their draft", 404, r -> r.header("If-Match", theirDraft.currentEtag())
                        .post(theirDraft.adminPath() + "/publish")),
                new Attempt("trash their draft", 404, r -> r.header("If-Match", theirDraft.currentEtag())
                        .delete(theirDraft.adminPath())),
                new Attempt("restore a revision of their article", 404, r -> r.header("If-Match", theirs.currentEtag())
                        .post(theirs.adminPath() + "/revisions/1/restore")),
                new Attempt("issue itself a token for their section", 403, r -> r.body(Map.of("name", Api.unique("t"),
                        "role", "editor", "sections", List.of(world.getString("slug")))).post("/api/v1/admin/tokens")),
                new Attempt("widen a partner", 403, r -> r.body(Map.of("name", "P " + Api.unique("p")))
                        .post("/api/v1/admin/partners")));

        List<String> faults = new ArrayList<>();
        for (Attempt a : attempts) {
            int status = a.call().apply(Tokens.as(desk)).statusCode();
            if (status != a.expected()) {
                faults.add(a.what() + ": " + status + ", expected " + a.expected());
            }
            faults.addAll(reachable(desk, theirs, theirDraft, a.what()));
        }
        assertEquals(List.of(), faults);
        assertEquals(19, attempts.size());

        // Nothing of theirs moved.
        admin().get(Fixtures.SECTIONS + "/" + world.getString("id")).then().body("parent", equalTo(null));
        admin().get(theirs.adminPath()).then().body("section.slug", equalTo(ukraine.getString("slug")))
                .body("status", equalTo("published"));

        // Control: the same move by an unlimited admin is what would have let the desk in.
        admin().body(Map.of("parent", politics.getString("slug"))).patch(Fixtures.SECTIONS + "/" + world.getString("id"))
                .then().statusCode(200);
        assertTrue(!reachable(desk, theirs, theirDraft, "control").isEmpty(), "the admin's move gives the desk the article");
    }

    /** What of theirs the desk can see now, named for the failure message. */
    private static List<String> reachable(String desk, Created theirs, Created theirDraft, String after) {
        List<String> seen = new ArrayList<>();
        for (Created c : List.of(theirs, theirDraft)) {
            if (Tokens.as(desk).get(c.adminPath()).statusCode() != 404) {
                seen.add("after '" + after + "' the desk reads " + c.id());
            }
        }
        List<String> listed = Tokens.as(desk).get("/api/v1/admin/articles?limit=100").then().statusCode(200)
                .extract().path("data.id");
        if (listed.contains(theirs.id()) || listed.contains(theirDraft.id())) {
            seen.add("after '" + after + "' the desk lists their article");
        }
        return seen;
    }

    private static Created createAs(String secret, Map<String, Object> body) {
        Response r = Tokens.as(secret).body(body).post(Fixtures.ARTICLES);
        r.then().statusCode(201);
        return new Created(r.path("id"), r.path("slug"), r.header("ETag"));
    }

    record Attempt(String what, int expected, Function<RequestSpecification, Response> call) {
    }
}
