package news.masthead.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.masthead.article.ArticleReader;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.common.site.SiteConfig;
import news.masthead.common.site.Urns;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.copyright.CopyrightNoticeRepository;
import news.masthead.section.SectionService;
import news.masthead.section.api.SectionResponse;

/**
 * The public feeds: the newest published headlines with summaries, links and each article's
 * copyright notice, never the full text. The articles come from {@link ArticleReader#listPublic},
 * the Content API's own list, so the feeds see exactly what the one visibility predicate admits.
 */
@ApplicationScoped
public class FeedService {
    /** How many headlines a feed carries. */
    static final int SIZE = 50;
    static final String SECTION_SCHEME = "urn:masthead:section";
    static final String TAG_SCHEME = "urn:masthead:tag";

    private final ArticleReader articles;
    private final SectionService sections;
    private final CopyrightNoticeRepository notices;
    private final SiteConfig site;

    FeedService(ArticleReader articles, SectionService sections, CopyrightNoticeRepository notices, SiteConfig site) {
        this.articles = articles;
        this.sections = sections;
        this.notices = notices;
        this.site = site;
    }

    /** Atom 1.0; {@code section} (a slug, null for all) includes its subsections. */
    @Transactional
    public byte[] atom(String section, URI apiBase) {
        Feed f = feed(section, apiBase, "atom");
        return AtomWriter.write(f.head(), f.entries());
    }

    @Transactional
    public byte[] rss(String section, URI apiBase) {
        Feed f = feed(section, apiBase, "rss");
        return RssWriter.write(f.head(), f.entries());
    }

    @Transactional
    public byte[] json(String section, URI apiBase) {
        Feed f = feed(section, apiBase, "json");
        return JsonFeedWriter.write(f.head(), f.entries(), apiBase.resolve("q/openapi").toString());
    }

    private record Feed(FeedHead head, List<FeedEntry> entries) {
    }

    /**
     * An unknown section is a 404 (from {@link SectionService#getPublic}) rather than an empty
     * feed: a feed URL is subscribed to once and polled for years, and a typo should fail at
     * subscription, not look like a quiet section forever. Sections are public, so this tells
     * nothing that {@code GET /api/v1/sections} does not.
     */
    private Feed feed(String sectionSlug, URI apiBase, String format) {
        SectionResponse section = sectionSlug == null ? null : sections.getPublic(sectionSlug).body();
        ArticleFilters filters = new ArticleFilters();
        filters.section = sectionSlug;
        filters.limit = Integer.toString(SIZE);
        List<FeedEntry> entries = articles.listPublic(filters, new ArticleSearch()).body().data().stream()
                .map(this::entry).toList();

        String self = apiBase.resolve("api/v1/feeds/" + format).toString()
                + (sectionSlug == null ? "" : "?section=" + URLEncoder.encode(sectionSlug, StandardCharsets.UTF_8));
        // Fixed when empty: the feed must render to the same bytes (and ETag) until content changes.
        Instant updated = entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        String title = section == null ? site.name() : site.name() + ": " + section.name();
        String description = section != null && section.description() != null ? section.description()
                : "The newest headlines from " + (section == null ? site.name() : title) + ".";
        String rights = notices.findDefault().map(CopyrightNotice::notice).orElse(null);
        FeedHead head = new FeedHead(self, title, description, site.home(), self, updated, site.name(), rights,
                site.language());
        return new Feed(head, entries);
    }

    /** The id is the ninjs {@code uri} of the syndication API, so a partner can match the two. */
    private FeedEntry entry(ArticleSummaryResponse a) {
        List<FeedEntry.Category> categories = new ArrayList<>();
        if (a.section() != null) {
            categories.add(new FeedEntry.Category(a.section().slug(), SECTION_SCHEME, a.section().name()));
        }
        for (String tag : a.tags()) {
            categories.add(new FeedEntry.Category(tag, TAG_SCHEME, null));
        }
        return new FeedEntry(Urns.article(a.id()), a.headline(), site.articleUrl(a.slug()),
                a.updatedAt() != null ? a.updatedAt() : a.publishedAt(), a.publishedAt(), a.summary(),
                a.copyright() == null ? null : a.copyright().notice(),
                a.authors().stream().map(AuthorRef::name).toList(), categories, null);
    }
}
