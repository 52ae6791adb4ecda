package news.masthead.article;

/** The kinds of article, as stored and written: a story, or a liveblog that carries entries. */
public final class ArticleKind {
    public static final String STORY = "story";
    public static final String LIVEBLOG = "liveblog";
    /** What the write field accepts. */
    public static final String REGEX = "story|liveblog";

    private ArticleKind() {
    }
}
