package news.masthead.article.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import news.masthead.article.ArticleReader;
import news.masthead.common.cache.Tagged;
import news.masthead.common.http.StoredRead;
import news.masthead.common.json.Slugs;

/**
 * {@code GET /api/v1/articles/{slug}} answered before the JAX-RS pipeline when the article has a
 * stored document (issue #19): at newsroom scale a cold read of one article is mostly pipeline
 * (matching, filters, the worker hand-off, opening a Hibernate session) around one indexed row.
 * The same answer as {@link ContentArticleResource#get}; only a path whose last segment is a
 * well-formed slug qualifies, and everything else stays with the resource.
 */
@ApplicationScoped
public class StoredArticleRead implements StoredRead {
    static final String TEMPLATE = "/api/v1/articles/{slug}";
    private static final String PREFIX = "/api/v1/articles/";
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile(Slugs.REGEX);

    private final ArticleReader reader;

    StoredArticleRead(ArticleReader reader) {
        this.reader = reader;
    }

    @Override
    public String template(String path) {
        return slugOf(path) == null ? null : TEMPLATE;
    }

    @Override
    public Optional<Tagged<byte[]>> load(String path) {
        String slug = slugOf(path);
        return slug == null ? Optional.empty() : reader.findStoredDocument(slug);
    }

    /** The slug of a by-slug path, or null: another path, or a segment no slug can be (left to the resource). */
    static String slugOf(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String slug = path.substring(PREFIX.length());
        return slug.length() <= Slugs.MAX_LENGTH && SLUG.matcher(slug).matches() ? slug : null;
    }
}
