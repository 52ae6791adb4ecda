package news.masthead.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import news.masthead.article.ArticleReader;
import news.masthead.article.api.ArticleResponse;
import news.masthead.common.cache.Tagged;
import news.masthead.common.site.SiteConfig;

/**
 * An article's JSON-LD. It is the Content API's article read ({@link ArticleReader#findPublic}) in
 * other clothes: the same visibility, the same 301 for an old slug (to the new slug's JSON-LD), the
 * same 410 for a killed story, and the same surrogate keys. Like the article read, it runs without
 * a transaction.
 */
@ApplicationScoped
public class JsonLdService {
    private final ArticleReader articles;
    private final SiteConfig site;

    JsonLdService(ArticleReader articles, SiteConfig site) {
        this.articles = articles;
        this.site = site;
    }

    public Tagged<byte[]> article(String slug) {
        Tagged<ArticleResponse> article = articles.findPublic(slug);
        if (article.movedTo() != null) {
            return Tagged.moved(URI.create(article.movedTo() + "/jsonld"), article.keys());
        }
        if (article.goneDetail() != null) {
            return Tagged.gone(article.goneDetail(), article.keys());
        }
        return Tagged.of(JsonLdWriter.write(article.body(), site), article.keys());
    }
}
