package news.masthead.article;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.article.api.ArticleSummaryResponse;

/**
 * The public articles a curated list may show, read in one statement (see
 * {@link ArticleReader#publicPicks}): the visible pinned ones by id, and the fill in its order.
 * An id missing from {@code pinned} is not public now.
 */
public record PublicPicks(Map<UUID, Pick> pinned, List<Pick> fill) {

    /** One public article as a list shows it, and the surrogate keys of what it shows. */
    public record Pick(ArticleSummaryResponse summary, List<String> keys) {
    }
}
