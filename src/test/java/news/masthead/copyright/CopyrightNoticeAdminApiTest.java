package news.masthead.copyright;

import static news.masthead.testsupport.Fixtures.NOTICES;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CopyrightNoticeAdminApiTest {

    @Test
    void creatingANoticeAnswers201WithTheComposedNotice() {
        var created = Api.admin().body(Map.of("holder", "Nexstar Broadcasting, Inc.", "year", 2026,
                        "statement", "All rights reserved.",
                        "usageTerms", "This material may not be published, broadcast, rewritten, or redistributed.",
                        "syndication", "partners"))
                .post(NOTICES)
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("holder", equalTo("Nexstar Broadcasting, Inc."))
                .body("year", equalTo(2026))
                .body("statement", equalTo("All rights reserved."))
                .body("usageTerms", equalTo("This material may not be published, broadcast, rewritten, or redistributed."))
                .body("syndication", equalTo("partners"))
                .body("isDefault", equalTo(false))
                .body("notice", equalTo("Copyright 2026 Nexstar Broadcasting, Inc. All rights reserved."))
                .body("createdAt", notNullValue())
                .body("modifiedAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(NOTICES + "/" + id));
        Api.admin().get(NOTICES + "/" + id).then().statusCode(200).body("id", equalTo(id)).body("year", equalTo(2026));
    }

    @Test
    void syndicationDefaultsToNoneAndListedIsAccepted() {
        Api.admin().body(Map.of("holder", "A", "year", 2025)).post(NOTICES)
                .then().statusCode(201).body("syndication", equalTo("none")).body("statement", nullValue())
                .body("notice", equalTo("Copyright 2025 A."));
        Api.admin().body(Map.of("holder", "B", "year", 2025, "syndication", "listed")).post(NOTICES)
                .then().statusCode(201).body("syndication", equalTo("listed"));
    }

    /** Listed partners are checked by the foreign key; a missing one is the caller's 400 naming it, never a 500. */
    @Test
    void listingAPartnerThatDoesNotExistIsRefusedNamingPartners() {
        String ghost = UUID.randomUUID().toString();
        String holder = "Holder " + Api.unique("ghost");
        Api.admin().body(Map.of("holder", holder, "year", 2026, "syndication", "listed", "partners", java.util.List.of(ghost)))
                .post(NOTICES).then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors[0].field", equalTo("partners"))
                .body("errors[0].message", containsString(ghost));
        Api.admin().get(NOTICES + "?limit=100").then().statusCode(200)
                .body("data.holder", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(holder)));

        String id = Api.admin().body(Map.of("holder", holder, "year", 2026, "syndication", "listed")).post(NOTICES)
                .then().statusCode(201).extract().path("id");
        Api.admin().contentType("application/merge-patch+json").body(Map.of("partners", java.util.List.of(ghost)))
                .patch(NOTICES + "/" + id).then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("partners"));
        Api.admin().get(NOTICES + "/" + id).then().statusCode(200).body("partners", hasSize(0));
    }

    @Test
    void writingWithoutTokenIs401WithChallenge() {
        Api.anonymous().contentType("application/json").body(Map.of("holder", "X", "year", 2026)).post(NOTICES)
                .then().statusCode(401).contentType(Problems.JSON)
                .header("WWW-Authenticate", startsWith("Bearer")).body("type", equalTo(Problems.UNAUTHORIZED));
        String id = UUID.randomUUID().toString();
        Api.anonymous().get(NOTICES).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().get(NOTICES + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().contentType("application/merge-patch+json").body("{}").patch(NOTICES + "/" + id)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        Api.anonymous().delete(NOTICES + "/" + id).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void invalidValuesAre400NamingEachField() {
        Api.admin().body(Map.of("holder", " ", "year", 1799, "syndication", "everyone"))
                .post(NOTICES)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("holder", "year", "syndication"));
        Api.admin().body(Map.of("holder", "X", "year", 2201)).post(NOTICES)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("year"));
        Api.admin().body(Map.of("holder", "X")).post(NOTICES)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("year"));
    }

    @Test
    void settingReadOnlyPropertiesIs400NamingThem() {
        Api.admin().body(Map.of("holder", "X", "year", 2026, "id", UUID.randomUUID().toString())).post(NOTICES)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("id"));
        String id = Fixtures.notice(false);
        Api.admin().body(Map.of("notice", "Copyright me")).patch(NOTICES + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("notice"));
        Api.admin().body(Map.of("id", UUID.randomUUID().toString())).patch(NOTICES + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("id"));
    }

    @Test
    void patchingRecomposesTheNotice() {
        String id = Fixtures.notice(false);
        Api.admin().contentType("application/merge-patch+json")
                .body(Map.of("holder", "Northwind Media", "year", 2027, "statement", "Some rights reserved."))
                .patch(NOTICES + "/" + id)
                .then().statusCode(200)
                .body("notice", equalTo("Copyright 2027 Northwind Media. Some rights reserved."));
        Api.admin().contentType("application/merge-patch+json").body("{\"statement\": null}")
                .patch(NOTICES + "/" + id)
                .then().statusCode(200).body("statement", nullValue()).body("notice", equalTo("Copyright 2027 Northwind Media."));
    }

    @Test
    void patchingWithInvalidValuesIs400() {
        String id = Fixtures.notice(false);
        Api.admin().body("{\"year\": null, \"syndication\": \"all\"}").patch(NOTICES + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION)).body("errors.field", hasItems("year", "syndication"));
        Api.admin().body(Map.of("year", "soon")).patch(NOTICES + "/" + id)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("year"));
    }

    @Test
    void theDefaultNoticeMovesWhenAnotherBecomesDefault() {
        String first = Fixtures.notice(true);
        Api.admin().get(NOTICES + "/" + first).then().statusCode(200).body("isDefault", equalTo(true));
        String second = Fixtures.notice(true);
        Api.admin().get(NOTICES + "/" + first).then().statusCode(200).body("isDefault", equalTo(false));
        Api.admin().get(NOTICES + "/" + second).then().statusCode(200).body("isDefault", equalTo(true));

        String third = Fixtures.notice(false);
        Api.admin().contentType("application/merge-patch+json").body(Map.of("isDefault", true))
                .patch(NOTICES + "/" + third)
                .then().statusCode(200).body("isDefault", equalTo(true));
        Api.admin().get(NOTICES + "/" + second).then().statusCode(200).body("isDefault", equalTo(false));
        assertEquals(third, Fixtures.ensureDefaultNotice());
    }

    @Test
    void settingDefaultOnTheDefaultAgainKeepsIt() {
        String id = Fixtures.notice(true);
        Api.admin().body(Map.of("isDefault", true, "holder", "Renamed")).patch(NOTICES + "/" + id)
                .then().statusCode(200).body("isDefault", equalTo(true)).body("holder", equalTo("Renamed"));
    }

    @Test
    void unknownIdIs404Problem() {
        String unknown = NOTICES + "/" + UUID.randomUUID();
        Api.admin().get(unknown).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        Api.admin().body(Map.of("year", 2026)).patch(unknown).then().statusCode(404).contentType(Problems.JSON);
        Api.admin().delete(unknown).then().statusCode(404).contentType(Problems.JSON);
        Api.admin().get(NOTICES + "/nope").then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void deletingAnUnusedNoticeAnswers204() {
        String id = Fixtures.notice(false);
        Api.admin().delete(NOTICES + "/" + id).then().statusCode(204);
        Api.admin().get(NOTICES + "/" + id).then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void deletingANoticeInUseIsAConflict() {
        String id = Fixtures.notice(false);
        Fixtures.article(null, null, id);
        Api.admin().delete(NOTICES + "/" + id)
                .then().statusCode(409).contentType(Problems.JSON)
                .body("type", equalTo(Problems.CONFLICT)).body("detail", containsString("article"));
        Api.admin().get(NOTICES + "/" + id).then().statusCode(200);
    }

    @Test
    void anArticleWithoutANoticeGetsTheDefault() {
        String id = Fixtures.ensureDefaultNotice();
        Api.admin().body(Map.of("headline", "Defaulted " + Api.unique("h"))).post(Fixtures.ARTICLES)
                .then().statusCode(201).body("copyrightNotice", equalTo(id));
    }

    @Test
    void theListPagesNewestFirstWithACursor() {
        String older = Fixtures.notice(false);
        String newer = Fixtures.notice(false);
        var first = Api.admin().queryParam("limit", 1).get(NOTICES)
                .then().statusCode(200).body("data", hasSize(1)).body("meta.limit", equalTo(1))
                .body("data[0].id", equalTo(newer)).body("meta.nextCursor", notNullValue()).extract();
        Api.admin().queryParam("limit", 1).queryParam("cursor", first.<String>path("meta.nextCursor")).get(NOTICES)
                .then().statusCode(200).body("data[0].id", equalTo(older));
        Api.admin().queryParam("cursor", "bm90IGEgY3Vyc29y").get(NOTICES)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("cursor"));
    }
}
