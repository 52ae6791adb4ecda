package news.masthead.testsupport.processes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What multi-process tests do through one Masthead's Admin API, with its bootstrap admin token. */
public final class Admin {
    private final Masthead masthead;

    public Admin(Masthead masthead) {
        this.masthead = masthead;
    }

    /** An article as a test refers to it. */
    public record Article(String id, String slug) {
        public String surrogateKey() {
            return "article-" + id;
        }
    }

    /** Articles need a default copyright notice; a fresh database has none. */
    public void ensureDefaultNotice() {
        Http.Answer a = call("POST", "/api/v1/admin/copyright-notices", Map.of("holder", "IT Newsroom",
                "year", 2026, "statement", "All rights reserved.", "isDefault", true), Map.of());
        expect(a, 201);
    }

    /** A draft with its own slug and this headline. */
    public Article draft(String headline) {
        Http.Answer created = create(headline);
        return new Article(created.json().get("id").asText(), created.json().get("slug").asText());
    }

    /** A published article with its own slug and this headline. */
    public Article publish(String headline) {
        Http.Answer created = create(headline);
        String slug = created.json().get("slug").asText();
        String id = created.json().get("id").asText();
        expect(call("POST", "/api/v1/admin/articles/" + id + "/publish", Map.of(),
                Map.of("If-Match", created.header("ETag"))), 200);
        return new Article(id, slug);
    }

    /** A committed headline change (a silent fix); the CDN learns of it only through a purge. */
    public void changeHeadline(Article article, String headline) {
        Http.Answer current = call("GET", "/api/v1/admin/articles/" + article.id(), null, Map.of());
        expect(current, 200);
        expect(call("PATCH", "/api/v1/admin/articles/" + article.id(), Map.of("headline", headline),
                Map.of("If-Match", current.header("ETag"))), 200);
    }

    /** Queues a purge of {@code keys} through the outbox, committed when this returns. */
    public void purge(String... keys) {
        expect(call("POST", "/api/v1/admin/cdn/purges", Map.of("keys", List.of(keys)), Map.of()), 202);
    }

    private Http.Answer create(String headline) {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 13);
        Http.Answer created = call("POST", "/api/v1/admin/articles", Map.of("slug", slug, "headline", headline,
                "summary", "A summary.", "body", List.of(Map.of("type", "paragraph", "text", "Text of " + slug + "."))),
                Map.of());
        expect(created, 201);
        return created;
    }

    private Http.Answer call(String method, String path, Object body, Map<String, String> headers) {
        return Http.json(method, masthead.url(path), Masthead.ADMIN_TOKEN, body, headers);
    }

    private void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " from " + masthead + ", got " + answer.status() + ": "
                    + answer.body() + "\n" + masthead.logTail(30));
        }
    }
}
