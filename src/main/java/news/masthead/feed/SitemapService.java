package news.masthead.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import news.masthead.article.SitemapReader;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.site.SiteConfig;

/**
 * The sitemaps search engines crawl: a Google News sitemap of the last 48 hours, and an index of
 * monthly sitemaps of every public article. Every address comes from {@link SiteConfig}, never
 * from the request. Each is tagged {@code articles} only: it shows slugs, headlines and dates, and
 * every write that changes one of those for the public purges that key (an article key per URL
 * would put 50,000 keys in one header).
 */
@ApplicationScoped
public class SitemapService {
    /** Google News takes articles from the last two days. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> KEYS = List.of(SurrogateKeys.ARTICLES);

    private final SitemapReader articles;
    private final SiteConfig site;

    SitemapService(SitemapReader articles, SiteConfig site) {
        this.articles = articles;
        this.site = site;
    }

    public Tagged<byte[]> news() {
        List<SitemapWriter.NewsUrl> urls = articles.publishedWithin(NEWS_WINDOW).stream()
                .map(e -> new SitemapWriter.NewsUrl(site.articleUrl(e.slug()), e.headline(), e.publishedAt())).toList();
        return Tagged.of(SitemapWriter.news(urls, site.name(), site.language()), KEYS);
    }

    public Tagged<byte[]> index() {
        List<SitemapWriter.Part> parts = articles.months().stream()
                .map(m -> new SitemapWriter.Part(site.api("api/v1/sitemaps/articles/" + m.month() + ".xml"), m.lastModified()))
                .toList();
        return Tagged.of(SitemapWriter.index(parts), KEYS);
    }

    /** A month's sitemap; {@code month} is {@code yyyy-mm}. A month without public articles is a 404, as the index leaves it out. */
    public Tagged<byte[]> month(String month) {
        List<SitemapWriter.Url> urls = articles.inMonth(parse(month)).stream()
                .map(e -> new SitemapWriter.Url(site.articleUrl(e.slug()), e.updatedAt())).toList();
        if (urls.isEmpty()) {
            throw new NotFoundException("No public article was published in " + month + ".");
        }
        return Tagged.of(SitemapWriter.urlset(urls), KEYS);
    }

    static YearMonth parse(String month) {
        try {
            YearMonth m = YearMonth.parse(month, MONTH);
            if (m.getYear() >= 1970 && m.getYear() <= 9999) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidException("month", "must be a month from 1970-01 to 9999-12 as yyyy-mm, such as 2026-10");
    }
}
