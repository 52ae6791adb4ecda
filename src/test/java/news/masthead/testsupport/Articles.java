package news.masthead.testsupport;

import static news.masthead.testsupport.Api.admin;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds articles through the Admin API, each with its own unique slug and tag. */
public final class Articles {
    private Articles() {
    }

    public static Builder article() {
        return new Builder(null);
    }

    /** An article carrying this copyright notice: no need to look for the default one. */
    public static Builder article(String copyrightNotice) {
        return new Builder(copyrightNotice);
    }

    public static final class Builder {
        private final Map<String, Object> body = new HashMap<>();

        Builder(String copyrightNotice) {
            String slug = Api.unique("story");
            body.put("slug", slug);
            body.put("headline", "Headline for " + slug);
            body.put("summary", "A summary.");
            body.put("tags", new ArrayList<>(List.of(slug)));
            body.put("body", List.of(Map.of("type", "paragraph", "text", "First paragraph of " + slug + ".")));
            if (copyrightNotice == null) {
                Fixtures.ensureDefaultNotice();
            } else {
                body.put("copyrightNotice", copyrightNotice);
            }
        }

        public Builder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Builder section(String slug) {
            return with("section", slug);
        }

        public Builder authors(String... slugs) {
            return with("authors", List.of(slugs));
        }

        public Map<String, Object> body() {
            return body;
        }

        /** Creates the draft; returns the created admin article. */
        public Created draft() {
            Response r = admin().body(body).post("/api/v1/admin/articles");
            r.then().statusCode(201);
            return new Created(r.path("id"), r.path("slug"), r.header("ETag"));
        }

        public Created published() {
            Created c = draft();
            Response r = admin().header("If-Match", c.etag()).post("/api/v1/admin/articles/" + c.id() + "/publish");
            r.then().statusCode(200);
            return new Created(c.id(), c.slug(), r.header("ETag"));
        }
    }

    /** An article as the tests need to refer to it. */
    public record Created(String id, String slug, String etag) {
        public String tag() {
            return slug;
        }

        public String adminPath() {
            return "/api/v1/admin/articles/" + id;
        }

        /** The current ETag, read fresh. */
        public String currentEtag() {
            return admin().get(adminPath()).header("ETag");
        }
    }
}
