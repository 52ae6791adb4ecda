package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.ContentLookup;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.section.SectionRepository;

/** Article reads: the public ones see only what {@link ArticleRepository#VISIBLE} admits. */
@ApplicationScoped
public class ArticleReader {
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final ArticleMapper mapper;
    private final Now clock;
    private final ArticleAccess access;

    ArticleReader(ArticleRepository articles, SectionRepository sections, ArticleMapper mapper, Now clock,
                  ArticleAccess access) {
        this.articles = articles;
        this.sections = sections;
        this.mapper = mapper;
        this.clock = clock;
        this.access = access;
    }

    @Transactional
    public ContentLookup findPublic(String slug) {
        Instant now = clock.instant();
        return articles.findVisibleBySlug(slug, now)
                .map(a -> new ContentLookup(mapper.article(a), null))
                .or(() -> articles.findVisibleSlugByOldSlug(slug, now).map(current -> new ContentLookup(null, current)))
                .orElseThrow(() -> new NotFoundException("No published article has this slug."));
    }

    @Transactional
    public Page<ArticleSummaryResponse> listPublic(ArticleFilters filters) {
        PageRequest page = PageRequest.parse(filters.limit, filters.cursor, 2);
        ArticleQuery query = query(filters, null);
        Instant afterAt = page.after().map(c -> instant(c.get(0))).orElse(null);
        UUID afterId = page.after().map(c -> uuid(c.get(1))).orElse(null);
        List<Article> rows = articles.visiblePage(query, afterAt, afterId, page.limit(), clock.instant());
        return Page.of(rows, page.limit(), mapper::summary,
                a -> PageRequest.encode(a.publishedAt.toString(), a.id.toString()));
    }

    @Transactional
    public AdminArticleResponse get(UUID id) {
        Article a = access.readable(articles.findByIdOptional(id));
        return mapper.admin(a, clock.instant());
    }

    @Transactional
    public Page<AdminArticleResponse> listAdmin(ArticleFilters filters, String status) {
        PageRequest page = PageRequest.parse(filters.limit, filters.cursor, 2);
        ArticleQuery query = query(filters, status(status)).within(access.scope().orElse(null));
        Instant afterAt = page.after().map(c -> instant(c.get(0))).orElse(null);
        UUID afterId = page.after().map(c -> uuid(c.get(1))).orElse(null);
        Instant now = clock.instant();
        List<Article> rows = articles.adminPage(query, afterAt, afterId, page.limit(), now);
        return Page.of(rows, page.limit(), a -> mapper.admin(a, now),
                a -> PageRequest.encode(a.createdAt.toString(), a.id.toString()));
    }

    private ArticleQuery query(ArticleFilters f, ArticleStatus status) {
        return new ArticleQuery(
                f.section == null ? null : sections.subtreeIds(f.section),
                f.author,
                f.tag == null ? null : f.tag.strip().toLowerCase(Locale.ROOT),
                f.since == null ? null : instantParam("since", f.since),
                f.until == null ? null : instantParam("until", f.until),
                status);
    }

    private static ArticleStatus status(String status) {
        if (status == null) {
            return null;
        }
        for (ArticleStatus s : ArticleStatus.values()) {
            if (s.wire().equals(status)) {
                return s;
            }
        }
        throw new InvalidException("status", "must be one of draft, scheduled, published, unpublished, trashed");
    }

    private static Instant instantParam(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidException(name, "must be an ISO-8601 instant such as 2026-10-16T20:49:00Z");
        }
    }

    private static Instant instant(String cursorPart) {
        try {
            return Instant.parse(cursorPart);
        } catch (DateTimeParseException e) {
            throw PageRequest.badCursor();
        }
    }

    private static UUID uuid(String cursorPart) {
        try {
            return UUID.fromString(cursorPart);
        } catch (IllegalArgumentException e) {
            throw PageRequest.badCursor();
        }
    }
}
