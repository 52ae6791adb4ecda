package news.masthead.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.masthead.article.ArticleReader;
import news.masthead.article.api.ArticleFilters;
import news.masthead.article.api.ArticleSearch;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.LeadImage;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.paging.Page;
import news.masthead.common.site.SiteConfig;
import news.masthead.common.site.Urns;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.copyright.CopyrightNoticeRepository;
import news.masthead.section.SectionService;
import news.masthead.section.api.SectionResponse;
import news.masthead.common.replica.ReplicaRead;

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
    @ReplicaRead
    public Tagged<byte[]> atom(String section) {
        Feed f = feed(section, "atom");
        return Tagged.of(AtomWriter.write(f.head(), f.entries()), f.keys());
    }

    @Transactional
    @ReplicaRead
    public Tagged<byte[]> rss(String section) {
        Feed f = feed(section, "rss");
        return Tagged.of(RssWriter.write(f.head(), f.entries()), f.keys());
    }

    @Transactional
    @ReplicaRead
    public Tagged<byte[]> json(String section) {
        Feed f = feed(section, "json");
        return Tagged.of(JsonFeedWriter.write(f.head(), f.entries(), site.api("q/openapi")), f.keys());
    }

    /**
     * A feed and the surrogate keys of what it shows: the list's (articles, and each entry's
     * article, section, authors and notice), the section's, the default notice (its rights line), and
     * {@code feeds}, purged when the default notice moves to another.
     */
    private record Feed(FeedHead head, List<FeedEntry> entries, Set<String> keys) {
    }

    /**
     * An unknown section is a 404 (from {@link SectionService#getPublic}) rather than an empty
     * feed: a feed URL is subscribed to once and polled for years, and a typo should fail at
     * subscription, not look like a quiet section forever. Sections are public, so this tells
     * nothing that {@code GET /api/v1/sections} does not.
     */
    private Feed feed(String sectionSlug, String format) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.FEEDS);
        Tagged<SectionResponse> tagged = sectionSlug == null ? null : sections.getPublic(sectionSlug);
        SectionResponse section = tagged == null ? null : tagged.body();
        if (tagged != null) {
            keys.addAll(tagged.keys());
        }
        ArticleFilters filters = new ArticleFilters();
        filters.section = sectionSlug;
        filters.limit = Integer.toString(SIZE);
        Tagged<Page<ArticleSummaryResponse>> list = articles.listPublic(filters, new ArticleSearch());
        keys.addAll(list.keys());
        List<FeedEntry> entries = list.body().data().stream().map(this::entry).toList();

        String self = site.api("api/v1/feeds/" + format)
                + (sectionSlug == null ? "" : "?section=" + URLEncoder.encode(sectionSlug, StandardCharsets.UTF_8));
        // Fixed when empty: the feed must render to the same bytes (and ETag) until content changes.
        Instant updated = entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        String title = section == null ? site.name() : site.name() + ": " + section.name();
        String description = section != null && section.description() != null ? section.description()
                : "The newest headlines from " + (section == null ? site.name() : title) + ".";
        Optional<CopyrightNotice> defaultNotice = notices.findDefault();
        defaultNotice.ifPresent(n -> keys.add(SurrogateKeys.notice(n.id)));
        String rights = defaultNotice.map(CopyrightNotice::notice).orElse(null);
        FeedHead head = new FeedHead(self, title, description, site.home(), self, updated, site.name(), rights,
                site.language());
        return new Feed(head, entries, keys);
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
                a.authors().stream().map(AuthorRef::name).toList(), categories, null, image(a.leadImage()));
    }

    /** The lead image as feeds carry it (null: none). */
    public static FeedEntry.Image image(LeadImage i) {
        return i == null ? null : new FeedEntry.Image(i.url(), i.alt(), i.caption(), i.credit(), i.width(), i.height());
    }
}
