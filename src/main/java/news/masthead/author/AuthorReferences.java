package news.masthead.author;

import java.util.UUID;

/**
 * What the author feature needs to know about the articles that name an author, asked of the
 * feature that owns articles. The port belongs here, its implementation to the article feature,
 * so authors never depend on articles (which depend on authors for their bylines).
 */
public interface AuthorReferences {
    /** How many articles, in any status, have this author on their byline. */
    long articlesNaming(UUID authorId);
}
