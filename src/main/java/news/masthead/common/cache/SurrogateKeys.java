package news.masthead.common.cache;

import java.util.UUID;

/** The names of surrogate keys: one per entity a response shows, one per public list. */
public final class SurrogateKeys {
    /** Every article list: a newly published article changes lists it is not yet in. */
    public static final String ARTICLES = "articles";
    public static final String SECTIONS = "sections";
    public static final String AUTHORS = "authors";
    /** Every feed: their rights line is the default copyright notice's, so moving the default changes them all. */
    public static final String FEEDS = "feeds";

    private SurrogateKeys() {
    }

    public static String article(UUID id) {
        return "article-" + id;
    }

    public static String section(UUID id) {
        return "section-" + id;
    }

    public static String author(UUID id) {
        return "author-" + id;
    }

    public static String collection(UUID id) {
        return "collection-" + id;
    }

    public static String notice(UUID id) {
        return "notice-" + id;
    }
}
