package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.RevisionResponse;
import news.masthead.article.api.RevisionSummary;
import news.masthead.author.AuthorRepository;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.section.SectionRepository;

/** An article's history, and restoring an earlier state as a new revision. */
@ApplicationScoped
public class RevisionService {
    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final ArticleEditor editor;
    private final ArticleMapper mapper;
    private final ArticleSnapshots snapshots;
    private final Now clock;
    private final ArticleAccess access;
    private final AuthorRepository authors;
    private final SectionRepository sections;

    RevisionService(ArticleRepository articles, ArticleRevisionRepository revisions, ArticleEditor editor,
                    ArticleMapper mapper, ArticleSnapshots snapshots, Now clock, ArticleAccess access,
                    AuthorRepository authors, SectionRepository sections) {
        this.articles = articles;
        this.revisions = revisions;
        this.editor = editor;
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.clock = clock;
        this.access = access;
        this.authors = authors;
        this.sections = sections;
    }

    @Transactional
    public Page<RevisionSummary> list(UUID articleId, String limit, String cursor) {
        requireArticle(articleId);
        PageRequest page = PageRequest.parse(limit, cursor, 1);
        Integer before = page.after().map(c -> revisionNumber(c.get(0))).orElse(null);
        return Page.of(revisions.page(articleId, before, page.limit()), page.limit(),
                r -> new RevisionSummary(r.key.revision(), r.at, r.by, Arrays.asList(r.changed)),
                r -> PageRequest.encode(Integer.toString(r.key.revision())));
    }

    @Transactional
    public RevisionResponse get(UUID articleId, int revision) {
        ArticleRevision r = find(articleId, revision);
        // As the article was then, and as the admin API showed it at that instant.
        return new RevisionResponse(r.key.revision(), r.at, r.by, mapper.admin(snapshots.read(r.snapshot), r.at));
    }

    /**
     * Writes revision n's content as a new revision. Status and public updates are not rewound:
     * a restore is an edit like any other, silent unless it says otherwise.
     */
    @Transactional
    public AdminArticleResponse restore(UUID articleId, int revision, String ifMatch) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(articleId, ifMatch, now);
        Article a = edit.article();
        ArticleEditor.requireEditable(a, now);
        ArticleSnapshot snapshot = snapshots.read(find(articleId, revision).snapshot);
        List<String> changed = editor.apply(a, mapper.write(snapshot, this::sectionSlugNow, this::authorSlugNow));
        if (changed.isEmpty()) {
            return mapper.admin(a, now);
        }
        return editor.record(edit, changed, ArticleEvent.Kind.UPDATED);
    }

    /**
     * The revision's section as it is named now. Found by id (kept since snapshot schema 2): its
     * slug then may have been renamed since, or given to another section. One deleted since is a
     * 400, never a section that took its slug; a schema-1 snapshot has only the slug.
     */
    private String sectionSlugNow(ArticleSnapshot.Section section) {
        if (section.id() == null) {
            return section.slug();
        }
        return sections.findByIdOptional(section.id()).map(s -> s.slug).orElseThrow(() -> new InvalidException("section",
                "the revision's section '" + section.slug() + "' has been deleted since"));
    }

    /** The revision's author as named now, as {@link #sectionSlugNow} finds the section. */
    private String authorSlugNow(ArticleSnapshot.Author author) {
        if (author.id() == null) {
            return author.slug();
        }
        return authors.findByIdOptional(author.id()).map(a -> a.slug).orElseThrow(() -> new InvalidException("authors",
                "the revision's author '" + author.slug() + "' has been deleted since"));
    }

    private ArticleRevision find(UUID articleId, int revision) {
        requireArticle(articleId);
        return revisions.find(articleId, revision)
                .orElseThrow(() -> new NotFoundException("The article has no revision " + revision + "."));
    }

    private void requireArticle(UUID id) {
        access.readable(articles.findByIdOptional(id));
    }

    private static int revisionNumber(String cursorPart) {
        try {
            return Integer.parseInt(cursorPart);
        } catch (NumberFormatException e) {
            throw PageRequest.badCursor();
        }
    }
}
