package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.PreviewArticleResponse;
import news.masthead.article.api.PreviewArticleSummary;
import news.masthead.article.body.SearchText;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.CursorParts;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Preview reads: the Content API's shapes plus status and revision, for the newsroom.
 *
 * <p>Two perspectives. Without {@code at}, "latest": every previewable article (see
 * {@link PreviewRepository#STATUSES}) as it stands now, drafts included. With {@code at}, exactly
 * what the Content API will answer at that instant: its own reads ({@link ArticleReader#listVisible},
 * {@link ArticleRepository#findVisibleBySlug}) run with the instant in place of the clock, so the
 * one visibility predicate decides, with every schedule and embargo as they now stand; nothing is
 * decided here a second time. Either way only what the caller may see is shown (its
 * {@link PreviewScope}), and a preview link's scope is its one article.
 */
@ApplicationScoped
public class ArticlePreviews {
    private static final String NOT_FOUND = "No article you may preview has this slug.";

    private final PreviewRepository previews;
    private final ArticleRepository articles;
    private final ArticleReader reader;
    private final ArticleAccess access;
    private final ArticleMapper mapper;
    private final Now clock;
    private final int candidates;

    ArticlePreviews(PreviewRepository previews, ArticleRepository articles, ArticleReader reader, ArticleAccess access,
                    ArticleMapper mapper, Now clock,
                    @ConfigProperty(name = "masthead.search.candidates", defaultValue = "200") int candidates) {
        this.previews = previews;
        this.articles = articles;
        this.reader = reader;
        this.access = access;
        this.mapper = mapper;
        this.clock = clock;
        this.candidates = candidates;
    }

    /** An article found by slug, or the slug it moved to. */
    public record Found(PreviewArticleResponse article, String movedTo) {
    }

    /** What the calling token may preview: its desk's sections, a writer's own articles. */
    public PreviewScope callerScope() {
        return access.previewScope();
    }

    /**
     * Checks that the caller may manage preview links of this article: it is in the caller's
     * sections (else 404, as everywhere), and a writer's own (else 403). A new link also needs an
     * article that preview shows (409 for one in the trash).
     */
    @Transactional
    public void requireLinkable(UUID id, boolean creating) {
        Article a = access.readable(articles.findByIdOptional(id));
        access.requireOwnIfWriter(a);
        if (creating && !PreviewRepository.STATUSES.contains(a.status)) {
            throw new ConflictException("The article is " + ArticleStatus.of(a, clock.instant()).wire()
                    + "; preview shows no such article, so a link to it could never open.");
        }
    }

    /** The preview list for the calling token, latest or as the Content API will answer at {@code at}. */
    public Page<PreviewArticleSummary> list(ArticleFilters filters, ArticleSearch search, String at) {
        Instant now = clock.instant();
        Instant instant = at(at, now);
        PreviewScope scope = access.previewScope();
        if (instant != null) {
            Page<ArticleSummaryResponse> page = reader.listVisible(filters, search, instant, scope).body();
            Map<UUID, PreviewRepository.State> states = previews.states(page.data().stream().map(ArticleSummaryResponse::id).toList());
            List<PreviewArticleSummary> data = page.data().stream().filter(s -> states.containsKey(s.id()))
                    .map(s -> new PreviewArticleSummary(s, status(states.get(s.id()), now), states.get(s.id()).revision()))
                    .toList();
            return new Page<>(data, page.meta());
        }
        String text = ArticleReader.searchText(search.query());
        boolean newest = ArticleReader.newest(search.sort, text != null);
        if (text != null) {
            return searchLatest(filters, text, newest, scope, now);
        }
        KeysetPage page = KeysetPage.parse(filters.limit, filters.cursor);
        List<PreviewRepository.Row> rows = previews.page(reader.query(filters, null).within(scope), newestAfter(page),
                page.limit());
        return Page.of(rows, page.limit(), r -> summary(r, null, now),
                r -> KeysetPage.cursor(r.sortAt(), r.listed().id()));
    }

    /**
     * One article by slug within {@code scope} (the caller's, or a link's), latest or as the Content
     * API will answer at {@code at}; an old slug answers where the article moved.
     */
    public Found find(String slug, String at, PreviewScope scope) {
        Instant now = clock.instant();
        Instant instant = at(at, now);
        if (instant == null) {
            return previews.bySlug(slug, scope)
                    .map(w -> new Found(new PreviewArticleResponse(mapper.article(new PublicRows.Shown(w.row().listed(),
                            w.body(), w.updates(), w.headlines())), status(w.row(), now), w.row().revision()), null))
                    .or(() -> previews.movedFrom(slug, scope).map(moved -> new Found(null, moved)))
                    .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        }
        Optional<PublicRows.Shown> shown = articles.findVisibleBySlug(slug, instant);
        if (shown.isPresent()) {
            PreviewRepository.State state = previews.states(List.of(shown.get().listed().id())).get(shown.get().listed().id());
            if (state == null || !scope.admits(state.id(), state.sectionId(), state.ownerTokenId())) {
                throw new NotFoundException(NOT_FOUND);
            }
            return new Found(new PreviewArticleResponse(mapper.article(shown.get()), status(state, now), state.revision()), null);
        }
        return articles.findVisibleByOldSlug(slug, instant)
                .filter(a -> scope.admits(a.id, a.section == null ? null : a.section.id, a.ownerTokenId))
                .map(a -> new Found(null, a.slug))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private Page<PreviewArticleSummary> searchLatest(ArticleFilters f, String text, boolean newest, PreviewScope scope,
                                                     Instant now) {
        ArticleSearchRepository.Filters filters = new ArticleSearchRepository.Filters(f.section, f.author,
                f.tag == null ? null : f.tag.strip().toLowerCase(java.util.Locale.ROOT),
                f.since == null ? null : ArticleReader.instantParam("since", f.since),
                f.until == null ? null : ArticleReader.instantParam("until", f.until), scope.sections(), scope.owner());
        if (newest) {
            KeysetPage page = KeysetPage.parse(f.limit, f.cursor);
            List<PreviewRepository.Hit> hits = previews.search(text, filters, newestAfter(page), true, candidates,
                    page.limit());
            return Page.of(hits, page.limit(), h -> summary(h.row(), h.snippet(), now),
                    h -> KeysetPage.cursor(h.row().sortAt(), h.row().listed().id()));
        }
        String fingerprint = Integer.toHexString(text.hashCode());
        PageRequest page = PageRequest.parse(f.limit, f.cursor, 4);
        page.after().filter(c -> !c.get(3).equals(fingerprint)).ifPresent(c -> {
            throw PageRequest.badCursor();
        });
        PreviewRepository.After after = page.after().map(c -> new PreviewRepository.After(ArticleReader.rank(c.get(0)),
                CursorParts.instant(c.get(1)), CursorParts.uuid(c.get(2)))).orElse(null);
        List<PreviewRepository.Hit> hits = previews.search(text, filters, after, false, candidates, page.limit());
        return Page.of(hits, page.limit(), h -> summary(h.row(), h.snippet(), now),
                h -> PageRequest.encode(Float.toString(h.rank()), h.row().sortAt().toString(),
                        h.row().listed().id().toString(), fingerprint));
    }

    /** Where a newest-first page starts: after the cursor's position, if it has one. */
    private static PreviewRepository.After newestAfter(KeysetPage page) {
        return page.afterId() == null ? null : new PreviewRepository.After(null, page.afterAt(), page.afterId());
    }

    private PreviewArticleSummary summary(PreviewRepository.Row r, String snippet, Instant now) {
        return new PreviewArticleSummary(mapper.summary(r.listed(), snippet == null ? null : SearchText.highlighted(snippet)),
                status(r, now), r.revision());
    }

    private static String status(PreviewRepository.Row r, Instant now) {
        return ArticleStatus.of(r.status(), r.visibleFrom(), now).wire();
    }

    private static String status(PreviewRepository.State s, Instant now) {
        return ArticleStatus.of(s.status(), s.visibleFrom(), now).wire();
    }

    /** The perspective's instant: null (latest), or one not in the past. */
    private static Instant at(String at, Instant now) {
        if (at == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidException("at", "must be an ISO-8601 instant such as 2026-10-17T06:00:00Z");
        }
        if (instant.isBefore(now)) {
            throw new InvalidException("at", "must not be in the past: preview shows what the public will see, "
                    + "not what it saw");
        }
        return instant;
    }
}
