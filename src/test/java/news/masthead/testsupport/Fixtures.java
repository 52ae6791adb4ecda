package news.masthead.testsupport;

import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders that create what a test needs through the Admin API, each with unique values, and
 * hand back what later requests refer to: slugs for authors and sections, ids for notices.
 */
public final class Fixtures {
    public static final String AUTHORS = "/api/v1/admin/authors";
    public static final String SECTIONS = "/api/v1/admin/sections";
    public static final String NOTICES = "/api/v1/admin/copyright-notices";
    public static final String ARTICLES = "/api/v1/admin/articles";

    private static volatile String knownDefault;

    private Fixtures() {
    }

    /** A new author; returns its slug. */
    public static String author() {
        return createAuthor().getString("slug");
    }

    /** A new author; returns the admin representation (id, slug, name, …). */
    public static JsonPath createAuthor() {
        String slug = Api.unique("author");
        return create(AUTHORS, Map.of("slug", slug, "name", "Author " + slug, "email", slug + "@example.com"));
    }

    /** A new top-level section; returns its slug. */
    public static String section() {
        return createSection(null).getString("slug");
    }

    /** A new section below {@code parentSlug} (null: top level); returns its slug. */
    public static String section(String parentSlug) {
        return createSection(parentSlug).getString("slug");
    }

    /** A new section below {@code parentSlug} (null: top level); returns the admin representation. */
    public static JsonPath createSection(String parentSlug) {
        String slug = Api.unique("section");
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", "Section " + slug));
        if (parentSlug != null) {
            body.put("parent", parentSlug);
        }
        return create(SECTIONS, body);
    }

    /** A new copyright notice; with {@code isDefault} it becomes the default. Returns its id. */
    public static String notice(boolean isDefault) {
        String id = create(NOTICES, Map.of("holder", "Holder " + Api.unique("h") + " Inc.", "year", 2026,
                "statement", "All rights reserved.", "isDefault", isDefault)).getString("id");
        if (isDefault) {
            knownDefault = id;
        }
        return id;
    }

    /** The id of the default copyright notice, making a new default when none is. */
    public static String ensureDefaultNotice() {
        String cached = knownDefault;
        if (cached != null) {
            JsonPath current = Api.admin().get(NOTICES + "/" + cached).then().extract().jsonPath();
            if (current.getBoolean("isDefault")) {
                return cached;
            }
        }
        String cursor = null;
        do {
            var request = Api.admin().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(NOTICES).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> data = page.getList("data");
            for (Map<String, Object> n : data) {
                if (Boolean.TRUE.equals(n.get("isDefault"))) {
                    knownDefault = (String) n.get("id");
                    return knownDefault;
                }
            }
            cursor = page.getString("meta.nextCursor");
        } while (cursor != null);
        return notice(true);
    }

    /** A draft article by {@code authorSlug} in {@code sectionSlug} carrying {@code noticeId}; returns its id. */
    public static String article(String authorSlug, String sectionSlug, String noticeId) {
        Map<String, Object> body = new HashMap<>(Map.of("headline", "Headline " + Api.unique("a")));
        if (authorSlug != null) {
            body.put("authors", List.of(authorSlug));
        }
        if (sectionSlug != null) {
            body.put("section", sectionSlug);
        }
        body.put("copyrightNotice", noticeId != null ? noticeId : ensureDefaultNotice());
        return create(ARTICLES, body).getString("id");
    }

    /** POSTs {@code body} to an admin collection, requires a 201, and returns the created representation. */
    public static JsonPath create(String collection, Map<String, ?> body) {
        return Api.admin().body(body).post(collection)
                .then().statusCode(201).header("Location", containsString(collection + "/"))
                .extract().jsonPath();
    }
}
