package news.masthead.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: one row per operation of the served spec. An operation without a row fails
 * the build, so a new endpoint cannot ship without someone deciding who may call it.
 */
@QuarkusTest
class RoleMatrixTest {
    private static final String PUBLIC = "public";
    /** Desk tokens (limited to sections) hold their role for articles, within their sections. */
    private static final Set<String> READERS = Set.of("admin", "editor", "writer", "desk-admin", "desk-editor", "desk-writer");
    private static final Set<String> EDITORS = Set.of("admin", "editor", "desk-admin", "desk-editor");
    /** Authors, sections and notices are shared by every desk: only tokens of no desk change them. */
    private static final Set<String> SHARED = Set.of("admin", "editor");
    /** Tokens, partners and webhooks: an admin of no desk. */
    private static final Set<String> ADMINS = Set.of("admin");
    private static final Set<String> ANYONE = Set.of(PUBLIC);
    private static final Set<String> PARTNERS = Set.of("partner");

    static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("listArticles", ANYONE), Map.entry("getArticle", ANYONE),
            Map.entry("listSections", ANYONE), Map.entry("getSection", ANYONE),
            Map.entry("listAuthors", ANYONE), Map.entry("getAuthor", ANYONE),
            Map.entry("getAtomFeed", ANYONE), Map.entry("getRssFeed", ANYONE), Map.entry("getJsonFeed", ANYONE),
            Map.entry("getArticleJsonLd", ANYONE),
            Map.entry("getNewsSitemap", ANYONE), Map.entry("getSitemapIndex", ANYONE), Map.entry("getMonthlySitemap", ANYONE),
            Map.entry("createArticle", READERS), Map.entry("listAdminArticles", READERS),
            Map.entry("getAdminArticle", READERS), Map.entry("patchArticle", READERS),
            Map.entry("trashArticle", EDITORS), Map.entry("publishArticle", EDITORS),
            Map.entry("unpublishArticle", EDITORS), Map.entry("restoreArticle", EDITORS), Map.entry("killArticle", EDITORS),
            Map.entry("listRevisions", READERS), Map.entry("getRevision", READERS), Map.entry("restoreRevision", EDITORS),
            Map.entry("createAuthor", SHARED), Map.entry("listAdminAuthors", READERS), Map.entry("getAdminAuthor", READERS),
            Map.entry("patchAuthor", SHARED), Map.entry("deleteAuthor", SHARED),
            Map.entry("createSection", SHARED), Map.entry("listAdminSections", READERS), Map.entry("getAdminSection", READERS),
            Map.entry("patchSection", SHARED), Map.entry("deleteSection", SHARED),
            Map.entry("createCopyrightNotice", SHARED), Map.entry("listCopyrightNotices", READERS),
            Map.entry("getCopyrightNotice", READERS), Map.entry("patchCopyrightNotice", SHARED),
            Map.entry("deleteCopyrightNotice", SHARED),
            Map.entry("createToken", ADMINS), Map.entry("listTokens", ADMINS), Map.entry("getToken", ADMINS),
            Map.entry("patchToken", ADMINS), Map.entry("revokeToken", ADMINS),
            Map.entry("createPartner", ADMINS), Map.entry("listPartners", ADMINS), Map.entry("getPartner", ADMINS),
            Map.entry("patchPartner", ADMINS), Map.entry("deletePartner", ADMINS),
            Map.entry("listSyndicatedArticles", PARTNERS), Map.entry("getSyndicatedArticle", PARTNERS),
            Map.entry("listSyndicationChanges", PARTNERS), Map.entry("getPartnerAtomFeed", PARTNERS),
            Map.entry("createWebhook", ADMINS), Map.entry("listWebhooks", ADMINS), Map.entry("getWebhook", ADMINS),
            Map.entry("patchWebhook", ADMINS), Map.entry("deleteWebhook", ADMINS),
            Map.entry("listWebhookDeliveries", ADMINS),
            Map.entry("purgeCdnKeys", EDITORS),
            Map.entry("createPreviewLink", READERS), Map.entry("listPreviewLinks", READERS),
            Map.entry("getPreviewLink", READERS), Map.entry("revokePreviewLink", READERS),
            Map.entry("listPreviewArticles", READERS), Map.entry("getPreviewArticle", READERS),
            Map.entry("streamEvents", ANYONE), Map.entry("streamPreviewEvents", READERS),

            Map.entry("getPublicCollection", ANYONE),
            Map.entry("createCollection", SHARED), Map.entry("listCollections", EDITORS),
            Map.entry("getCollection", EDITORS), Map.entry("patchCollection", SHARED),
            Map.entry("deleteCollection", SHARED));

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("none", null);
        secrets.put("admin", Api.ADMIN_TOKEN);
        for (String role : List.of("editor", "writer")) {
            secrets.put(role, Tokens.secret(role));
        }
        for (String role : List.of("admin", "editor", "writer")) {
            secrets.put("desk-" + role, Tokens.secret(role, news.masthead.testsupport.Fixtures.section()));
        }
        secrets.put("partner", news.masthead.testsupport.Partners.token(news.masthead.testsupport.Partners.create(false)));

        List<String> faults = new ArrayList<>();
        int checked = 0;
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) spec.get("paths")::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String id = op.getValue().path("operationId").asText();
                operations++;
                Set<String> allowed = MATRIX.get(id);
                if (allowed == null) {
                    faults.add(id + " (" + op.getKey() + " " + path.getKey() + ") has no row in the role matrix");
                    continue;
                }
                for (var who : secrets.entrySet()) {
                    int status = call(op.getKey(), path.getKey(), who.getValue());
                    checked++;
                    int expected = allowed.contains(PUBLIC) || allowed.contains(who.getKey()) ? 0
                            : who.getValue() == null ? 401 : 403;
                    boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
                    if (!ok) {
                        faults.add(id + " as " + who.getKey() + ": " + status + ", expected "
                                + (expected == 0 ? "access" : expected));
                    }
                }
            }
        }
        System.out.println("role matrix: " + checked + " calls over " + secrets.size() + " principals");
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        // One call per operation and principal: a matrix that made no calls proves nothing.
        assertTrue(operations > 50, "the served spec lists " + operations + " operations");
        org.junit.jupiter.api.Assertions.assertEquals(operations * secrets.size(), checked);
    }

    private static int call(String method, String path, String secret) {
        String url = path.replace("{id}", UUID.randomUUID().toString()).replace("{linkId}", UUID.randomUUID().toString())
                .replace("{slug}", "matrix-none").replace("{n}", "1").replace("{month}", "1971-01");
        if (path.endsWith("/stream")) {
            // A stream that admits the caller never ends; an unknown section answers 400 once access is decided.
            url += "?section=matrix-none";
        }
        RequestSpecification request = given().contentType("application/json").header("If-Match", "\"1\"");
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        if (method.equals("post") || method.equals("patch")) {
            request.body("{}");
        }
        return request.request(method.toUpperCase(), url).statusCode();
    }
}
