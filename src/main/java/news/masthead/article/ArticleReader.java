package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.Locale;
import news.masthead.article.PublicRows.Listed;
import java.util.UUID;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.ArticleSearchRepository.After;
import news.masthead.article.ArticleSearchRepository.Hit;
import news.masthead.article.ArticleSearchRepository.StoredHit;
import news.masthead.article.body.SearchText;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.CursorParts;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.section.SectionRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import news.masthead.common.replica.ReplicaRead;

/** Article reads: the public ones see only what {@link ArticleRepository#VISIBLE} admits. */
@ApplicationScoped
public class ArticleReader {
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final ArticleMapper mapper;
    private final Now clock;
    private final ArticleAccess access;
    private final ArticleSearchRepository search;
    private final int candidates;
    private final PublicDocuments documents;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ArticleReader(ArticleRepository articles, SectionRepository sections, ArticleMapper mapper, Now clock,
                  ArticleAccess access, ArticleSearchRepository search, PublicDocuments documents,
                  com.fasterxml.jackson.databind.ObjectMapper json,
                  @ConfigProperty(name = "masthead.search.candidates", defaultValue = "200") int candidates) {
        this.documents = documents;
        this.json = json;
        if (candidates < 1) {
            throw new IllegalArgumentException("masthead.search.candidates must be at least 1, not " + candidates);
        }
        this.search = search;
        this.candidates = candidates;
        this.articles = articles;
        this.sections = sections;
        this.mapper = mapper;
        this.clock = clock;
        this.access = access;
    }

    /**
     * The article, (for an old slug) where it moved to, or (for any slug of a killed article) that
     * it is gone. Public reads run without a JTA transaction: they only read, and the begin/commit
     * round trip was a tenth of their cost. The 410 is tagged with the article's key, like its
     * other answers, so a restore purges it from every cache.
     */
    @ReplicaRead
    public Tagged<ArticleResponse> findPublic(String slug) {
        return findVisible(slug, clock.instant());
    }

    /** What {@link #findPublic} answers at the instant {@code now} (the Content API passes its clock, preview {@code at}). */
    Tagged<ArticleResponse> findVisible(String slug, Instant now) {
        return articles.findVisibleBySlug(slug, now)
                .map(shown -> Tagged.of(mapper.article(shown), mapper.keys(shown.listed())))
                .or(() -> articles.findVisibleByOldSlug(slug, now).map(a -> Tagged.<ArticleResponse>moved(
                        URI.create("/api/v1/articles/" + a.slug), List.of(SurrogateKeys.article(a.id)))))
                .or(() -> articles.findGoneBySlug(slug).map(id -> Tagged.<ArticleResponse>gone(
                        "This article was withdrawn and will not return.", List.of(SurrogateKeys.article(id)))))
                .orElseThrow(() -> new NotFoundException("No published article has this slug."));
    }

    /**
     * {@link #findPublic} as the Content API answers it: the article's stored document, its bytes
     * as rendered at write time (a fresh render if it has none yet). The 301, 410 and 404 are
     * decided as there.
     */
    @ReplicaRead
    public Tagged<byte[]> findPublicDocument(String slug) {
        Instant now = clock.instant();
        var stored = articles.findStoredBySlug(slug, now);
        if (stored.isPresent()) {
            PublicRows.Stored s = rendered(List.of(stored.get()), true).get(0);
            return Tagged.stored(StoredPage.utf8(s.json()), StoredPage.keys(s), s.etag());
        }
        // An old slug, a killed article, or none: answered as findPublic does (or, if it turned
        // visible in between, its fresh render).
        Tagged<ArticleResponse> other = findVisible(slug, now);
        return new Tagged<>(other.body() == null ? null : StoredPage.bytes(other.body(), json), other.keys(),
                other.movedTo(), other.goneDetail());
    }

    /**
     * {@link #findPublicDocument}'s answer when the article has a stored document, read outside
     * any session or transaction (the front door's read, before the JAX-RS pipeline); empty when
     * the pipeline must answer: an old slug (301), a killed article (410), none (404), or a
     * document not rendered yet.
     */
    public Optional<Tagged<byte[]>> findStoredDocument(String slug) {
        return articles.findStoredBySlugOutsideSession(slug, clock.instant()).filter(s -> s.json() != null)
                .map(s -> Tagged.stored(StoredPage.utf8(s.json()), StoredPage.keys(s), s.etag()));
    }

    /**
     * {@link #listPublic} as the Content API answers it: the page's stored summaries, written into
     * the list envelope as they are, without parsing or mapping anything.
     */
    @ReplicaRead
    public Tagged<byte[]> listPublicDocuments(ArticleFilters filters, ArticleSearch search) {
        Instant now = clock.instant();
        String text = searchText(search.query());
        boolean newest = newest(search.sort, text != null);
        if (text != null) {
            return searchStored(filters, text, newest, now);
        }
        ArticleQuery query = query(filters, null);
        KeysetPage page = KeysetPage.parse(filters.limit, filters.cursor);
        List<PublicRows.Stored> rows = rendered(
                articles.visibleStoredPage(query, page.afterAt(), page.afterId(), page.limit(), now), false);
        return Tagged.of(StoredPage.of(rows, page.limit(), PublicRows.Stored::json,
                        r -> KeysetPage.cursor(r.publishedAt(), r.id()), json),
                listKeys(rows, page.limit(), StoredPage::keys));
    }

    private Tagged<byte[]> searchStored(ArticleFilters f, String text, boolean newest, Instant now) {
        ArticleSearchRepository.Filters filters = searchFilters(f, PreviewScope.ALL);
        List<StoredHit> hits;
        Function<StoredHit, String> cursor;
        int limit;
        if (newest) {
            KeysetPage page = KeysetPage.parse(f.limit, f.cursor);
            limit = page.limit();
            hits = search.storedByNewest(text, filters, newestAfter(page), limit, now);
            cursor = h -> KeysetPage.cursor(h.row().publishedAt(), h.row().id());
        } else {
            String fingerprint = fingerprint(text);
            PageRequest page = relevancePage(f, fingerprint);
            limit = page.limit();
            hits = search.storedByRelevance(text, filters, relevanceAfter(page), candidates, limit, now);
            cursor = h -> PageRequest.encode(Float.toString(h.rank()), h.row().publishedAt().toString(),
                    h.row().id().toString(), fingerprint);
        }
        List<PublicRows.Stored> rows = rendered(hits.stream().map(StoredHit::row).toList(), false);
        List<StoredHit> shown = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            shown.add(new StoredHit(rows.get(i), hits.get(i).rank(), hits.get(i).snippet()));
        }
        return Tagged.of(StoredPage.of(shown, limit,
                        h -> StoredPage.withSnippet(h.row().json(), SearchText.highlighted(h.snippet()), json), cursor, json),
                listKeys(shown, limit, h -> StoredPage.keys(h.row())));
    }

    /**
     * The rows, each with its stored document (the whole article's, or its summary), or a fresh
     * render where none is stored yet (an article the render queue has not reached since an upgrade).
     */
    private List<PublicRows.Stored> rendered(List<PublicRows.Stored> rows, boolean whole) {
        List<UUID> missing = rows.stream().filter(r -> r.json() == null).map(PublicRows.Stored::id).toList();
        if (missing.isEmpty()) {
            return rows;
        }
        Map<UUID, PublicDocuments.Document> fresh = documents.render(missing);
        return rows.stream().map(r -> {
            PublicDocuments.Document d = fresh.get(r.id());
            return r.json() != null ? r : new PublicRows.Stored(r.id(), r.publishedAt(), whole ? d.document() : d.summary(),
                    d.keys(), whole ? d.etag() : null);
        }).toList();
    }

    /** Newest first, or with {@code q} the search hits, by relevance unless {@code sort=newest}. */
    @ReplicaRead
    public Tagged<Page<ArticleSummaryResponse>> listPublic(ArticleFilters filters, ArticleSearch search) {
        return listVisible(filters, search, clock.instant(), PreviewScope.ALL);
    }

    /**
     * What {@link #listPublic} answers at the instant {@code now}, limited to {@code scope}: the
     * Content API passes its clock and no limit, preview {@code at} the requested instant and its caller's limit.
     */
    Tagged<Page<ArticleSummaryResponse>> listVisible(ArticleFilters filters, ArticleSearch search, Instant now,
                                                     PreviewScope scope) {
        String text = searchText(search.query());
        boolean newest = newest(search.sort, text != null);
        if (text != null) {
            return searchPublic(filters, text, newest, now, scope);
        }
        ArticleQuery query = query(filters, null).within(scope);
        KeysetPage page = KeysetPage.parse(filters.limit, filters.cursor);
        List<Listed> rows = articles.visiblePage(query, page.afterAt(), page.afterId(), page.limit(), now);
        return Tagged.of(Page.of(rows, page.limit(), l -> mapper.summary(l, null),
                l -> KeysetPage.cursor(l.publishedAt(), l.id())),
                listKeys(rows, page.limit(), mapper::keys));
    }

    private Tagged<Page<ArticleSummaryResponse>> searchPublic(ArticleFilters f, String text, boolean newest, Instant now,
                                                              PreviewScope scope) {
        ArticleSearchRepository.Filters filters = searchFilters(f, scope);
        if (newest) {
            KeysetPage page = KeysetPage.parse(f.limit, f.cursor);
            List<Hit> hits = search.byNewest(text, filters, newestAfter(page), page.limit(), now);
            return Tagged.of(Page.of(hits, page.limit(), this::summary,
                    h -> KeysetPage.cursor(h.row().publishedAt(), h.row().id())),
                    listKeys(hits, page.limit(), h -> mapper.keys(h.row())));
        }
        // Relevance: the cursor holds the last hit's whole sort key, and names its query, since a
        // rank means nothing for another one.
        String fingerprint = fingerprint(text);
        PageRequest page = relevancePage(f, fingerprint);
        After after = relevanceAfter(page);
        List<Hit> hits = search.byRelevance(text, filters, after, candidates, page.limit(), now);
        return Tagged.of(Page.of(hits, page.limit(), this::summary,
                h -> PageRequest.encode(Float.toString(h.rank()), h.row().publishedAt().toString(),
                        h.row().id().toString(), fingerprint)),
                listKeys(hits, page.limit(), h -> mapper.keys(h.row())));
    }

    private static ArticleSearchRepository.Filters searchFilters(ArticleFilters f, PreviewScope scope) {
        // The section goes to the search statement as a slug: it expands the subtree itself.
        return new ArticleSearchRepository.Filters(f.section, f.author,
                f.tag == null ? null : f.tag.strip().toLowerCase(Locale.ROOT),
                f.since == null ? null : instantParam("since", f.since),
                f.until == null ? null : instantParam("until", f.until), scope.sections(), scope.owner());
    }

    private static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }

    /** Where a newest-first search page starts: after the cursor's position, if it has one. */
    private static After newestAfter(KeysetPage page) {
        return page.afterId() == null ? null : new After(null, page.afterAt(), page.afterId());
    }

    /** A relevance page: its cursor must name the query it was made for. */
    private static PageRequest relevancePage(ArticleFilters f, String fingerprint) {
        PageRequest page = PageRequest.parse(f.limit, f.cursor, 4);
        page.after().filter(c -> !c.get(3).equals(fingerprint)).ifPresent(c -> {
            throw PageRequest.badCursor();
        });
        return page;
    }

    private static After relevanceAfter(PageRequest page) {
        return page.after().map(c -> new After(rank(c.get(0)), CursorParts.instant(c.get(1)),
                CursorParts.uuid(c.get(2)))).orElse(null);
    }

    /**
     * The visible articles among {@code pinned}, and with {@code fill} the newest {@code fillLimit}
     * visible ones in the subtree of {@code fillSection} (null: any section) tagged {@code fillTag}
     * (null: any tag) that are not pinned: one statement, through {@link ArticleRepository#VISIBLE}.
     */
    public PublicPicks publicPicks(List<UUID> pinned, boolean fill, UUID fillSection, String fillTag, int fillLimit) {
        Map<UUID, PublicPicks.Pick> shown = new java.util.HashMap<>();
        List<PublicPicks.Pick> filled = new ArrayList<>();
        for (ArticleRepository.Picked p : articles.visiblePicks(pinned, fill, fillSection, fillTag, fillLimit, clock.instant())) {
            PublicPicks.Pick pick = new PublicPicks.Pick(mapper.summary(p.row(), null), mapper.keys(p.row()));
            if (p.pinned()) {
                shown.put(p.row().id(), pick);
            } else {
                filled.add(pick);
            }
        }
        // The union's order is PostgreSQL's to choose; the fill's is newest first.
        filled.sort(java.util.Comparator.comparing((PublicPicks.Pick p) -> p.summary().publishedAt())
                .thenComparing(p -> p.summary().id()).reversed());
        return new PublicPicks(shown, filled);
    }

    /** Which of these ids name an article, in any status (for references held elsewhere, such as pinned items). */
    @Transactional
    public Set<UUID> existing(java.util.Collection<UUID> ids) {
        return articles.existing(ids);
    }

    private ArticleSummaryResponse summary(Hit hit) {
        return mapper.summary(hit.row(), SearchText.highlighted(hit.snippet()));
    }

    /** Every list is purged with "articles"; the shown rows add what they show. */
    private <R> List<String> listKeys(List<R> rows, int limit, Function<R, List<String>> keysOf) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.ARTICLES);
        rows.stream().limit(limit).map(keysOf).forEach(keys::addAll);
        return List.copyOf(keys);
    }

    static String searchText(String q) {
        if (q == null) {
            return null;
        }
        if (q.length() > ArticleSearch.MAX_QUERY_LENGTH) {
            throw new InvalidException("q", "must be at most " + ArticleSearch.MAX_QUERY_LENGTH + " characters");
        }
        if (q.isBlank()) {
            throw new InvalidException("q", "must not be empty; leave it out to list every article");
        }
        return q.strip();
    }

    static boolean newest(String sort, boolean searching) {
        if (sort == null) {
            return !searching;
        }
        return switch (sort) {
            case "newest" -> true;
            case "relevance" -> {
                if (!searching) {
                    throw new InvalidException("sort", "relevance needs a search query in q");
                }
                yield false;
            }
            default -> throw new InvalidException("sort", "must be relevance or newest");
        };
    }

    static Float rank(String cursorPart) {
        try {
            float rank = Float.parseFloat(cursorPart);
            if (Float.isFinite(rank)) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PageRequest.badCursor();
    }

    @Transactional
    public AdminArticleResponse get(UUID id) {
        Article a = access.readable(articles.findByIdOptional(id));
        return mapper.admin(a, clock.instant());
    }

    @Transactional
    public Page<AdminArticleResponse> listAdmin(ArticleFilters filters, String status) {
        KeysetPage page = KeysetPage.parse(filters.limit, filters.cursor);
        ArticleQuery query = query(filters, status(status)).within(access.scope().orElse(null));
        Instant now = clock.instant();
        List<Article> rows = articles.adminPage(query, page.afterAt(), page.afterId(), page.limit(), now);
        return Page.of(rows, page.limit(), a -> mapper.admin(a, now),
                a -> KeysetPage.cursor(a.createdAt, a.id));
    }

    ArticleQuery query(ArticleFilters f, ArticleStatus status) {
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
        throw new InvalidException("status", "must be one of draft, scheduled, published, unpublished, trashed, killed");
    }

    static Instant instantParam(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidException(name, "must be an ISO-8601 instant such as 2026-10-16T20:49:00Z");
        }
    }

}
