package news.masthead.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.masthead.article.ArticleKind;
import news.masthead.article.ArticleReader;
import news.masthead.article.LiveblogService;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.EntryResponse;
import news.masthead.common.cache.Tagged;
import news.masthead.common.site.SiteConfig;

/**
 * An article's JSON-LD. It is the Content API's article read ({@link ArticleReader#findPublic}) in
 * other clothes: the same visibility, the same 301 for an old slug (to the new slug's JSON-LD), the
 * same 410 for a killed story, and the same surrogate keys. Like the article read, it runs without
 * a transaction.
 *
 * <p>A liveblog is a {@code LiveBlogPosting} whose {@code liveBlogUpdate}s are its
 * {@link #LIVEBLOG_UPDATES} newest entries, read in a second statement (the entries page's, so two
 * in all, whatever the number of entries). Every entry write publishes the article's key, which
 * this answer carries, so a new, changed or deleted entry shows in the next read.
 */
@ApplicationScoped
public class JsonLdService {
    /**
     * The newest entries a liveblog's JSON-LD lists: the entries page's default page size, so the
     * structured data describes what a frontend's first page of the liveblog shows (search engines
     * ask that it match the visible content), and the document in every page's head stays small.
     */
    public static final int LIVEBLOG_UPDATES = 20;

    private final ArticleReader articles;
    private final LiveblogService liveblogs;
    private final SiteConfig site;

    JsonLdService(ArticleReader articles, LiveblogService liveblogs, SiteConfig site) {
        this.articles = articles;
        this.liveblogs = liveblogs;
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
        if (!ArticleKind.LIVEBLOG.equals(article.body().kind())) {
            return Tagged.of(JsonLdWriter.write(article.body(), site), article.keys());
        }
        Tagged<List<EntryResponse>> entries = liveblogs.newestPublic(slug, LIVEBLOG_UPDATES);
        Set<String> keys = new LinkedHashSet<>(article.keys());
        keys.addAll(entries.keys());
        return Tagged.of(JsonLdWriter.liveblog(article.body(), entries.body(), site), keys);
    }
}
