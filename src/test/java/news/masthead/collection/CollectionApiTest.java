package news.masthead.collection;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionApiTest {
    static final String ADMIN = "/api/v1/admin/collections";
    static final String PUBLIC = "/api/v1/collections/";

    static Response create(Map<String, Object> body) {
        Response r = Api.admin().body(body).post(ADMIN);
        r.then().statusCode(201);
        return r;
    }

    static Map<String, Object> collection(List<Map<String, Object>> items, Map<String, Object> fill, int size) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", Api.unique("front"));
        body.put("name", "Front");
        body.put("items", items);
        if (fill != null) {
            body.put("fill", fill);
        }
        body.put("size", size);
        return body;
    }

    static Map<String, Object> pin(Created a) {
        return Map.of("article", a.id());
    }

    @Test
    void writesCarryTheRevisionAsEtagAndPatchNeedsACurrentIfMatch() {
        Response created = create(collection(List.of(), null, 5));
        created.then().header("ETag", "\"1\"").body("revision", equalTo(1)).body("size", equalTo(5))
                .body("fill", nullValue());
        String item = ADMIN + "/" + created.path("id");
        Api.admin().get(item).then().statusCode(200).header("ETag", "\"1\"");

        Api.admin().contentType("application/merge-patch+json").body(Map.of("size", 7)).patch(item)
                .then().statusCode(428).contentType(Problems.JSON).body("type", equalTo("urn:masthead:problem:precondition-required"));
        Api.admin().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("size", 7)).patch(item)
                .then().statusCode(200).header("ETag", "\"2\"").body("size", equalTo(7));
        Api.admin().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("size", 9)).patch(item)
                .then().statusCode(412).contentType(Problems.JSON).body("type", equalTo("urn:masthead:problem:precondition-failed"));
        Api.admin().get(item).then().body("size", equalTo(7));
        Api.admin().header("If-Match", "\"1\"").delete(item).then().statusCode(412);
        Api.admin().header("If-Match", "\"2\"").delete(item).then().statusCode(204);
    }

    @Test
    void badItemsSizeAndFillAre400sNamingTheField() {
        Created a = article().published();
        Api.admin().body(collection(List.of(pin(a), pin(a)), null, 5)).post(ADMIN).then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("items[1].article"));
        Api.admin().body(collection(List.of(Map.of("article", java.util.UUID.randomUUID().toString())), null, 5)).post(ADMIN)
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].article"));
        Api.admin().body(collection(List.of(), null, 101)).post(ADMIN).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        Api.admin().body(collection(List.of(), null, 0)).post(ADMIN).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        Api.admin().body(collection(List.of(), Map.of("section", "no-such-section-" + System.nanoTime()), 5)).post(ADMIN)
                .then().statusCode(400).body("errors[0].field", equalTo("fill.section"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("article", java.util.UUID.randomUUID().toString()));
        }
        Api.admin().body(collection(tooMany, null, 5)).post(ADMIN).then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
    }

    @Test
    void deskTokensMayReadButNotChangeCollections() {
        String section = Fixtures.section();
        String desk = Tokens.secret("editor", section);
        Tokens.as(desk).body(collection(List.of(), null, 5)).post(ADMIN).then().statusCode(403)
                .contentType(Problems.JSON).body("type", equalTo("urn:masthead:problem:forbidden"));
        Response created = create(collection(List.of(), null, 5));
        String item = ADMIN + "/" + created.path("id");
        Tokens.as(desk).get(item).then().statusCode(200);
        Tokens.as(desk).header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("size", 3))
                .patch(item).then().statusCode(403);
        Tokens.as(desk).delete(item).then().statusCode(403);
        Api.admin().get(item).then().statusCode(200).body("size", equalTo(5));
    }

    @Test
    void pinnedComeFirstWithOverridesThenTheNewestFillNeverRepeated() {
        String section = Fixtures.section();
        String sub = Fixtures.section(section);
        Created older = article().section(section).published();
        Created pinnedFromFill = article().section(sub).published();
        Created newest = article().section(sub).published();
        Created elsewhere = article().published();
        Response created = create(collection(List.of(
                Map.of("article", elsewhere.id(), "headline", "Front-page headline", "summary", "Front-page summary"),
                pin(pinnedFromFill)), Map.of("section", section), 4));
        created.then().body("fill.section", equalTo(section));

        given().get(PUBLIC + created.path("slug")).then().statusCode(200).contentType("application/json")
                .body("slug", equalTo(created.path("slug"))).body("name", equalTo("Front"))
                .body("items.source", contains("pinned", "pinned", "fill", "fill"))
                .body("items.article.id", contains(elsewhere.id(), pinnedFromFill.id(), newest.id(), older.id()))
                .body("items[0].headline", equalTo("Front-page headline"))
                .body("items[0].summary", equalTo("Front-page summary"))
                .body("items[0].article.headline", equalTo("Headline for " + elsewhere.slug()))
                .body("items[1].headline", equalTo("Headline for " + pinnedFromFill.slug()))
                .body("items[2].headline", equalTo("Headline for " + newest.slug()));

        // size cuts the fill first: pinned items come before it.
        String item = ADMIN + "/" + created.path("id");
        Api.admin().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("size", 3)).patch(item)
                .then().statusCode(200);
        given().get(PUBLIC + created.path("slug")).then().statusCode(200)
                .body("items.article.id", contains(elsewhere.id(), pinnedFromFill.id(), newest.id()));
    }

    @Test
    void aFillByTagFindsOnlyTaggedPublicArticles() {
        String tag = Api.unique("fronttag");
        Created tagged = article().with("tags", List.of(tag)).published();
        article().with("tags", List.of(tag)).draft();
        article().published();
        Response created = create(collection(List.of(), Map.of("tag", tag.toUpperCase()), 10));
        given().get(PUBLIC + created.path("slug")).then().statusCode(200)
                .body("items.article.id", contains(tagged.id())).body("items[0].source", equalTo("fill"));
    }

    @Test
    void anUnpublishedPinnedArticleAppearsNowhereInThePublicBody() {
        Created kept = article().published();
        Created pulled = article().published();
        Response created = create(collection(List.of(
                Map.of("article", pulled.id(), "headline", "Override of the pulled story", "summary", "Pulled summary override"),
                pin(kept)), null, 10));
        String slug = created.path("slug");
        given().get(PUBLIC + slug).then().statusCode(200).body("items", hasSize(2));

        Api.admin().header("If-Match", pulled.currentEtag()).post(pulled.adminPath() + "/unpublish").then().statusCode(200);

        Response r = given().get(PUBLIC + slug);
        r.then().statusCode(200).body("items", hasSize(1)).body("items[0].article.id", equalTo(kept.id()));
        String body = r.asString();
        assertFalse(body.contains("Headline for " + pulled.slug()), body);
        assertFalse(body.contains("Override of the pulled story"), body);
        assertFalse(body.contains("Pulled summary override"), body);
        assertFalse(body.contains(pulled.id()), body);
        assertFalse(r.header("Surrogate-Key").contains(pulled.id()), "the key names only what is shown");
    }

    @Test
    void aChangedListedArticleAndAMatchingPublishShowInTheNextRead() {
        String section = Fixtures.section();
        Created pinned = article().published();
        Response created = create(collection(List.of(pin(pinned)), Map.of("section", section), 10));
        String slug = created.path("slug");
        Response first = given().get(PUBLIC + slug);
        first.then().statusCode(200).body("items", hasSize(1));
        // The same URL again is answered from the content cache with the same ETag.
        given().header("If-None-Match", first.header("ETag")).get(PUBLIC + slug).then().statusCode(304);

        Api.admin().header("If-Match", pinned.currentEtag()).contentType("application/merge-patch+json")
                .body(Map.of("headline", "A corrected headline")).patch(pinned.adminPath()).then().statusCode(200);
        given().get(PUBLIC + slug).then().statusCode(200).body("items[0].headline", equalTo("A corrected headline"));

        Created matching = article().section(section).published();
        given().get(PUBLIC + slug).then().statusCode(200)
                .body("items.article.id", contains(pinned.id(), matching.id()))
                .body("items[1].source", equalTo("fill"));
    }

    @Test
    void surrogateKeysNameTheCollectionEveryArticleShownAndTheListsKey() {
        Created a = article().published();
        Response created = create(collection(List.of(pin(a)), null, 10));
        Response r = given().get(PUBLIC + created.path("slug"));
        r.then().statusCode(200).header("ETag", containsString("\"")).header("Cache-Control", containsString("public"));
        List<String> keys = List.of(r.header("Surrogate-Key").split(" "));
        assertTrue(keys.contains("collection-" + created.path("id")), keys.toString());
        assertTrue(keys.contains("article-" + a.id()), keys.toString());
        assertTrue(keys.contains("articles"), "a publish matching the fill purges it: " + keys);
    }

    @Test
    void anUnknownSlugIs404AndACollectionChangeShowsAtOnce() {
        given().get(PUBLIC + "no-such-front-" + System.nanoTime()).then().statusCode(404).contentType(Problems.JSON)
                .body("type", equalTo(Problems.NOT_FOUND));
        Created a = article().published();
        Created b = article().published();
        Response created = create(collection(List.of(pin(a)), null, 10));
        given().get(PUBLIC + created.path("slug")).then().body("items.article.id", contains(a.id()));
        Api.admin().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(Map.of("items", List.of(pin(b), Map.of("article", a.id(), "headline", "Now second")), "name", "Renamed"))
                .patch(ADMIN + "/" + created.path("id")).then().statusCode(200).header("ETag", "\"2\"");
        given().get(PUBLIC + created.path("slug")).then().body("name", equalTo("Renamed"))
                .body("items.article.id", contains(b.id(), a.id())).body("items[1].headline", equalTo("Now second"))
                .body("items.headline", not(hasItem("Headline for " + a.slug())));
    }
}
