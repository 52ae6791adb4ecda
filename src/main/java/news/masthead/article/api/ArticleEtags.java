package news.masthead.article.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Admin article responses carry {@code ETag: "<revision>"}, the value If-Match must repeat. */
final class ArticleEtags {
    private ArticleEtags() {
    }

    static Response ok(AdminArticleResponse article) {
        return Response.ok(article).header(HttpHeaders.ETAG, etag(article)).build();
    }

    static String etag(AdminArticleResponse article) {
        return "\"" + article.revision() + "\"";
    }
}
