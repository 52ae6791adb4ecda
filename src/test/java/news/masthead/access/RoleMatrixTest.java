package news.masthead.access;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Partners;
import news.masthead.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: one row per operation of the served spec. An operation without a row fails
 * the build, so a new endpoint cannot ship without someone deciding who may call it.
 *
 * <p>Every call names a real resource, made fresh for it (a delete or a publish cannot spoil the
 * next principal's call), so "allowed" means an answer that is none of 401, 403 and 404: a 404 on
 * an id that exists is a refusal too. Desk tokens share one desk, where the resources are.
 * Writers are asked twice, about articles they created and about articles others created.
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
            Map.entry("renderAllArticleDocuments", ADMINS), Map.entry("getArticleDocumentQueue", ADMINS),
            Map.entry("createPreviewLink", READERS), Map.entry("listPreviewLinks", READERS),
            Map.entry("getPreviewLink", READERS), Map.entry("revokePreviewLink", READERS),
            Map.entry("listPreviewArticles", READERS), Map.entry("getPreviewArticle", READERS),
            Map.entry("streamEvents", ANYONE), Map.entry("streamPreviewEvents", READERS),

            Map.entry("getPublicCollection", ANYONE),
            Map.entry("createCollection", SHARED), Map.entry("listCollections", EDITORS),
            Map.entry("getCollection", EDITORS), Map.entry("patchCollection", SHARED),
            Map.entry("deleteCollection", SHARED),

            Map.entry("listLiveblogEntries", ANYONE), Map.entry("createLiveblogEntry", READERS),
            Map.entry("patchLiveblogEntry", READERS), Map.entry("deleteLiveblogEntry", READERS));

    /** What a writer may do only with an article its own token created. */
    private static final Set<String> OWN_ONLY = Set.of("patchArticle", "createPreviewLink", "listPreviewLinks",
            "getPreviewLink", "revokePreviewLink", "getPreviewArticle", "createLiveblogEntry", "patchLiveblogEntry",
            "deleteLiveblogEntry");

    private static final String ARTICLES = "/api/v1/admin/articles/{id}";

    /** A principal: its matrix row, its secret, and whether it asks about articles it created. */
    private record Principal(String name, String row, String secret, boolean owns) {
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        String desk = Fixtures.section();
        List<Principal> principals = new ArrayList<>();
        principals.add(new Principal("none", "none", null, false));
        principals.add(new Principal("admin", "admin", Api.ADMIN_TOKEN, false));
        principals.add(new Principal("editor", "editor", Tokens.secret("editor"), false));
        String writer = Tokens.secret("writer");
        principals.add(new Principal("writer, own articles", "writer", writer, true));
        principals.add(new Principal("writer, others' articles", "writer", writer, false));
        principals.add(new Principal("desk-admin", "desk-admin", Tokens.secret("admin", desk), false));
        principals.add(new Principal("desk-editor", "desk-editor", Tokens.secret("editor", desk), false));
        String deskWriter = Tokens.secret("writer", desk);
        principals.add(new Principal("desk-writer, own articles", "desk-writer", deskWriter, true));
        principals.add(new Principal("desk-writer, others' articles", "desk-writer", deskWriter, false));
        principals.add(new Principal("partner", "partner", Partners.token(Partners.create(false)), false));

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
                for (Principal who : principals) {
                    String url = resolve(path.getKey(), desk, who);
                    int status = call(op.getKey(), url, who.secret());
                    checked++;
                    boolean access = allowed.contains(PUBLIC) || allowed.contains(who.row())
                            && !(OWN_ONLY.contains(id) && who.row().endsWith("writer") && !who.owns());
                    boolean ok;
                    String expected;
                    if (access) {
                        ok = status != 401 && status != 403 && status != 404 && status < 500;
                        expected = "access";
                    } else if (who.secret() == null) {
                        ok = status == 401;
                        expected = "401";
                    } else if (allowed.contains(who.row())) {
                        // A writer on another's article: refused, as 403 (edits) or 404 (previews, which scope by owner).
                        ok = status == 403 || status == 404;
                        expected = "403 or 404";
                    } else {
                        ok = status == 403;
                        expected = "403";
                    }
                    if (!ok) {
                        faults.add(id + " (" + op.getKey().toUpperCase() + " " + url + ") as " + who.name() + ": "
                                + status + ", expected " + expected);
                    }
                }
            }
        }
        System.out.println("role matrix: " + checked + " calls over " + principals.size() + " principals");
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        // One call per operation and principal: a matrix that made no calls proves nothing.
        assertTrue(operations > 50, "the served spec lists " + operations + " operations");
        assertEquals(operations * principals.size(), checked);
    }

    /** The path with real ids in it: each call gets resources of its own, made by an admin (or the writer). */
    private static String resolve(String path, String desk, Principal who) {
        String url = path;
        if (path.startsWith(ARTICLES) || path.startsWith("/api/v1/preview/articles/{slug}")) {
            Created article = draftIn(desk, who.owns() ? who.secret() : null, path.contains("/entries"));
            if (path.contains("{entryId}")) {
                String entry = Api.admin().body(Map.of("body", List.of(Map.of("type", "paragraph", "text", "Matrix."))))
                        .post("/api/v1/admin/articles/" + article.id() + "/entries").then().statusCode(201).extract().path("id");
                url = url.replace("{entryId}", entry);
            }
            if (path.contains("{linkId}")) {
                String link = Api.admin().body("{}").post("/api/v1/admin/articles/" + article.id() + "/preview-links")
                        .then().statusCode(201).extract().path("id");
                url = url.replace("{linkId}", link);
            }
            url = url.replace("{id}", article.id()).replace("{slug}", article.slug()).replace("{n}", "1");
        } else if (path.equals("/api/v1/syndication/articles/{id}")) {
            url = url.replace("{id}", article(Partners.notice("partners")).section(desk).published().id());
        } else if (path.equals("/api/v1/articles/{slug}/entries")) {
            url = url.replace("{slug}", article().section(desk).with("kind", "liveblog").published().slug());
        } else if (path.equals("/api/v1/articles/{slug}/jsonld")) {
            url = url.replace("{slug}", article().section(desk).published().slug());
        } else if (path.contains("{month}")) {
            // This month has a published article: the one made for this call.
            article().section(desk).published();
            url = url.replace("{month}", java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        } else if (path.equals("/api/v1/articles/{slug}")) {
            url = url.replace("{slug}", article().section(desk).published().slug());
        } else if (path.contains("{id}")) {
            String collection = path.substring(0, path.indexOf("/{id}"));
            url = url.replace("{id}", Fixtures.create(collection, fresh(collection)).getString("id"));
        } else if (path.contains("{slug}")) {
            String collection = path.replace("/api/v1/", "/api/v1/admin/").substring(0, path.indexOf("/{slug}") + 6);
            url = url.replace("{slug}", Fixtures.create(collection, fresh(collection)).getString("slug"));
        }
        if (path.endsWith("/stream")) {
            // A stream that admits the caller never ends; an unknown section answers 400 once access is decided.
            url += "?section=matrix-none";
        }
        return url;
    }

    private static Created draftIn(String desk, String ownerSecret, boolean liveblog) {
        var builder = article().section(desk).with("kind", liveblog ? "liveblog" : "story");
        if (ownerSecret == null) {
            return builder.draft();
        }
        var body = builder.body();
        var created = Tokens.as(ownerSecret).body(body).post("/api/v1/admin/articles").then().statusCode(201).extract();
        return new Created(created.path("id"), created.path("slug"), created.header("ETag"));
    }

    /** A valid new resource of the admin collection at {@code path}. */
    private static Map<String, Object> fresh(String path) {
        return switch (path) {
            case "/api/v1/admin/authors" -> Map.of("name", "Matrix Author", "slug", Api.unique("matrix-author"));
            case "/api/v1/admin/sections" -> Map.of("name", "Matrix", "slug", Api.unique("matrix-section"));
            case "/api/v1/admin/copyright-notices" -> Map.of("holder", "Matrix Holder", "year", 2026,
                    "statement", "All rights reserved.");
            case "/api/v1/admin/tokens" -> Map.of("name", Api.unique("matrix-token"), "role", "writer");
            case "/api/v1/admin/partners" -> Map.of("name", Api.unique("matrix-partner"), "sections", List.of());
            // Inactive: a live hook would take a delivery from every later publish of the test run.
            case "/api/v1/admin/webhooks" -> Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("article.published"),
                    "active", false);
            case "/api/v1/admin/collections" -> Map.of("slug", Api.unique("matrix-front"), "name", "Front",
                    "items", List.of(), "size", 5);
            default -> throw new IllegalArgumentException("no fresh resource for " + path + ": add one");
        };
    }

    private static int call(String method, String url, String secret) {
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
