package news.masthead.preview;

import jakarta.enterprise.context.ApplicationScoped;
import news.masthead.article.ArticlePreviews;
import news.masthead.article.PreviewScope;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.api.PreviewArticleSummary;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.Page;

/**
 * Preview reads, for a bearer token within its scope or for a preview link's one article. A link
 * that is unknown, expired or revoked, or whose article is not previewable (trashed), answers
 * exactly like a slug that never existed: a 404 tells a holder of a dead link nothing more.
 */
@ApplicationScoped
public class PreviewService {
    private final ArticlePreviews articles;
    private final PreviewLinkService links;

    PreviewService(ArticlePreviews articles, PreviewLinkService links) {
        this.articles = articles;
        this.links = links;
    }

    public Page<PreviewArticleSummary> list(ArticleFilters filters, ArticleSearch search, String at) {
        return articles.list(filters, search, at);
    }

    /** By slug: with {@code token} for that link's article only, else in the bearer's scope. */
    public ArticlePreviews.Found find(String slug, String at, String token) {
        PreviewScope scope = token == null ? articles.callerScope()
                : links.articleOf(token).map(PreviewScope::link)
                        .orElseThrow(() -> new NotFoundException("No article you may preview has this slug."));
        return articles.find(slug, at, scope);
    }
}
