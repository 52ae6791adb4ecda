package news.masthead.article.api;

/** A public slug resolves to the article, or to the slug it moved to (answered with a 301). */
public record ContentLookup(ArticleResponse article, String movedTo) {
}
