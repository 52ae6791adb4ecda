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

    /** A correction of the headline, shown to readers with its note. */
    public void correctHeadline(Article article, String headline) {
        expect(call("PATCH", "/api/v1/admin/articles/" + article.id(), Map.of("headline", headline,
                "updateNote", "Corrects the headline.", "updateKind", "correction"),
                Map.of("If-Match", etag(article))), 200);
    }

    /** Takes a published article back to draft. */
    public void unpublish(Article article) {
        expect(call("POST", "/api/v1/admin/articles/" + article.id() + "/unpublish", Map.of(),
                Map.of("If-Match", etag(article))), 200);
    }

    /** Kills an article for legal reasons. */
    public void kill(Article article) {
        expect(call("POST", "/api/v1/admin/articles/" + article.id() + "/kill", Map.of("reason", "Legal takedown."),
                Map.of("If-Match", etag(article))), 200);
    }

    /** A draft scheduled to publish itself at {@code at}. */
    public Article schedule(String headline, java.time.Instant at) {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 13);
        Http.Answer created = call("POST", "/api/v1/admin/articles", Map.of("slug", slug, "headline", headline,
                "summary", "A summary.", "body", List.of(Map.of("type", "paragraph", "text", "Text of " + slug + "."))),
                Map.of());
        expect(created, 201);
        String id = created.json().get("id").asText();
        expect(call("POST", "/api/v1/admin/articles/" + id + "/publish", Map.of("at", at.toString()),
                Map.of("If-Match", created.header("ETag"))), 200);
        return new Article(id, slug);
    }

    private String etag(Article article) {
        Http.Answer current = call("GET", "/api/v1/admin/articles/" + article.id(), null, Map.of());
        expect(current, 200);
        return current.header("ETag");
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
