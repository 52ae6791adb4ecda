package news.masthead.webhook;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.webhook.Hooks.WEBHOOKS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.Tokens;
import news.masthead.webhook.Hooks.Hook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookAdminApiTest {
    private static final String URL = "https://hooks.example.com/masthead";

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>(Map.of("url", URL, "events", List.of("article.published"),
                "active", false));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                body.remove((String) pairs[i]);
            } else {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    @Test
    void creatingWithoutASecretAnswers201WithAGeneratedSecretShownOnce() {
        Response created = admin().body(body("events", List.of("article.published", "article.trashed",
                        "article.published")))
                .post(WEBHOOKS);
        created.then().statusCode(201)
                .contentType(containsString("application/json"))
                .header("Location", containsString(WEBHOOKS + "/"))
                .body("url", equalTo(URL))
                .body("events", equalTo(List.of("article.published", "article.trashed")))
                .body("active", equalTo(false))
                .body("createdBy", equalTo("bootstrap-admin"))
                .body("createdAt", notNullValue())
                .body("modifiedAt", notNullValue())
                .body("secret", startsWith("whsec_"));
        String id = created.path("id");
        String secret = created.path("secret");
        try {
            admin().get(WEBHOOKS + "/" + id).then().statusCode(200)
                    .body("id", equalTo(id)).body("$", not(hasKey("secret")));
            admin().queryParam("limit", 100).get(WEBHOOKS).then().statusCode(200)
                    .body("data.id", hasItem(id)).body("meta.limit", equalTo(100));
            assertFalse(admin().queryParam("limit", 100).get(WEBHOOKS).asString().contains(secret),
                    "the list never shows a secret");
            assertFalse(admin().contentType("application/merge-patch+json").body(Map.of("active", false))
                    .patch(WEBHOOKS + "/" + id).asString().contains(secret));
        } finally {
            admin().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        }
    }

    @Test
    void aSecretTheCallerChoseIsNeverEchoed() {
        String secret = "my-own-secret-" + UUID.randomUUID();
        Response created = admin().body(body("secret", secret)).post(WEBHOOKS);
        created.then().statusCode(201).body("$", not(hasKey("secret")));
        assertFalse(created.asString().contains(secret));
        admin().delete(WEBHOOKS + "/" + created.path("id")).then().statusCode(204);
    }

    @Test
    void invalidFieldsAre400NamingEach() {
        admin().body(body("url", "ftp://hooks.example.com/x", "events", List.of("article.created"), "secret", "short"))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("secret"));
        admin().body(body("url", "ftp://hooks.example.com/x", "events", List.of("article.created")))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON)
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItems("url", "events"));
        admin().body(body("events", List.of())).post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors.field", hasItem("events"));
        admin().body(body("url", null)).post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors.field", hasItem("url"));
        admin().body(body("url", "https://user:pass@hooks.example.com/")).post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("url"));
        admin().body(body("secret", "has spaces in the secret")).post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors.field", hasItem("secret"));
        admin().body(body("id", UUID.randomUUID().toString())).post(WEBHOOKS)
                .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("id"));
        admin().body("").post(WEBHOOKS).then().statusCode(400).contentType(Problems.JSON);
    }

    @Test
    void patchingMergesRotatesTheSecretAndRefusesToRemoveIt() {
        Hook hook = Hooks.create(body());
        try {
            admin().contentType("application/merge-patch+json")
                    .body(Map.of("url", "https://other.example.com/in", "events", List.of("article.updated"),
                            "secret", "a-brand-new-secret-value"))
                    .patch(hook.path())
                    .then().statusCode(200).contentType(containsString("application/json"))
                    .body("url", equalTo("https://other.example.com/in"))
                    .body("events", equalTo(List.of("article.updated")))
                    .body("active", equalTo(false))
                    .body("$", not(hasKey("secret")));
            admin().body("{\"active\": null}").patch(hook.path()).then().statusCode(200).body("active", equalTo(true));
            admin().body("{\"active\": false}").patch(hook.path()).then().statusCode(200).body("active", equalTo(false));
            admin().body("{\"secret\": null}").patch(hook.path())
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("secret"));
            admin().body(Map.of("createdAt", "2020-01-01T00:00:00Z")).patch(hook.path())
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("createdAt"));
            admin().body(Map.of("events", List.of("article.deleted"))).patch(hook.path())
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("events"));
            admin().body(Map.of("url", "gopher://x")).patch(hook.path())
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("url"));
            admin().get(hook.path()).then().statusCode(200).body("url", equalTo("https://other.example.com/in"));
        } finally {
            hook.delete();
        }
    }

    @Test
    void deletingAnswers204AndThenItIsGone() {
        Hook hook = Hooks.create(body());
        admin().delete(hook.path()).then().statusCode(204);
        admin().get(hook.path()).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
        admin().get(hook.path() + "/deliveries").then().statusCode(404).contentType(Problems.JSON);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        String random = WEBHOOKS + "/" + UUID.randomUUID();
        for (String path : List.of(random, WEBHOOKS + "/not-a-uuid")) {
            admin().get(path).then().statusCode(404).contentType(Problems.JSON).body("type", equalTo(Problems.NOT_FOUND));
            admin().body("{}").patch(path).then().statusCode(404).contentType(Problems.JSON);
            admin().delete(path).then().statusCode(404).contentType(Problems.JSON);
            admin().get(path + "/deliveries").then().statusCode(404).contentType(Problems.JSON);
        }
    }

    @Test
    void theDeliveryLogPagesAndRefusesBadParameters() {
        Hook hook = Hooks.create(body());
        try {
            admin().get(hook.path() + "/deliveries").then().statusCode(200)
                    .body("data", equalTo(List.of())).body("meta.nextCursor", equalTo(null));
            admin().queryParam("limit", 0).get(hook.path() + "/deliveries")
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("limit"));
            admin().queryParam("cursor", "bm9wZQ").get(hook.path() + "/deliveries")
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("cursor"));
            admin().queryParam("status", "failed").get(hook.path() + "/deliveries")
                    .then().statusCode(400).contentType(Problems.JSON).body("errors[0].field", equalTo("status"));
        } finally {
            hook.delete();
        }
    }

    @Test
    void onlyAdminsMayTouchWebhooks() {
        Api.anonymous().get(WEBHOOKS).then().statusCode(401).contentType(Problems.JSON)
                .header("WWW-Authenticate", startsWith("Bearer")).body("type", equalTo(Problems.UNAUTHORIZED));
        Api.anonymous().contentType("application/json").body(body()).post(WEBHOOKS).then().statusCode(401);
        String editor = Tokens.secret("editor");
        Tokens.as(editor).body(body()).post(WEBHOOKS).then().statusCode(403).contentType(Problems.JSON)
                .body("type", endsWith("forbidden"));
        Tokens.as(editor).get(WEBHOOKS).then().statusCode(403).contentType(Problems.JSON);
        Tokens.as(editor).get(WEBHOOKS + "/" + UUID.randomUUID() + "/deliveries").then().statusCode(403);
    }

    @Test
    void listsPageNewestFirstByCursor() {
        Hook older = Hooks.create(body());
        Hook newer = Hooks.create(body());
        try {
            Response first = admin().queryParam("limit", 1).get(WEBHOOKS);
            first.then().statusCode(200).body("data[0].id", equalTo(newer.id())).body("meta.nextCursor", notNullValue());
            admin().queryParam("limit", 1).queryParam("cursor", first.path("meta.nextCursor").toString()).get(WEBHOOKS)
                    .then().statusCode(200).body("data[0].id", equalTo(older.id()));
        } finally {
            older.delete();
            newer.delete();
        }
    }
}
