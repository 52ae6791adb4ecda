package news.masthead.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Follows a Content API list's cursor to its end. */
public final class Pages {
    private Pages() {
    }

    /** The ids of every page of {@code path} with these query parameters, in the order served. */
    public static List<String> walk(String path, Map<String, String> params, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(params).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path);
            page.then().statusCode(200);
            seen.addAll(page.path("data.id"));
            cursor = page.path("meta.nextCursor");
        } while (cursor != null);
        return seen;
    }
}
