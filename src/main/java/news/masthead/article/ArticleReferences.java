package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import news.masthead.author.AuthorReferences;
import news.masthead.copyright.NoticeReferences;
import news.masthead.section.SectionReferences;

/** The article side of the ports through which authors, sections and notices ask whether articles use them. */
@ApplicationScoped
class ArticleReferences implements AuthorReferences, SectionReferences, NoticeReferences {
    private final ArticleRepository articles;

    ArticleReferences(ArticleRepository articles) {
        this.articles = articles;
    }

    @Override
    public long articlesNaming(UUID authorId) {
        return articles.getEntityManager()
                // On the byline, or on the byline of one of its liveblog entries.
                .createQuery("select count(a) from Article a where exists (select 1 from Article b join b.authors au "
                        + "where b = a and au.id = :id) or exists (select 1 from LiveblogEntry e join e.authors au "
                        + "where e.articleId = a.id and au.id = :id)", Long.class)
                .setParameter("id", authorId).getSingleResult();
    }

    @Override
    public long articlesFiledIn(UUID sectionId) {
        return articles.count("section.id", sectionId);
    }

    @Override
    public long articlesCarrying(UUID noticeId) {
        return articles.count("copyrightNotice.id", noticeId);
    }
}
