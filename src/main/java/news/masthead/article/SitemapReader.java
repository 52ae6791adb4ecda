package news.masthead.article;

import news.masthead.common.replica.ReplicaRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import news.masthead.common.time.Now;

/**
 * What sitemaps list: the public articles' slugs, headlines and dates, read as plain values
 * through {@link ArticleRepository#visibleSql}, the one visibility predicate, at the Content API's
 * clock. Months are UTC months of {@code publishedAt}. One statement per sitemap, run without a
 * transaction like every public read.
 */
@ApplicationScoped
public class SitemapReader {
    /** The sitemap protocol's limit of URLs per file. */
    public static final int MONTH_MAX = 50_000;
    /** Google News reads at most this many URLs from a news sitemap. */
    public static final int NEWS_MAX = 1_000;

    private static final String COLUMNS = "select a.slug as slug, a.headline as headline, a.published_at as published_at, "
            + "coalesce(a.updated_at, a.published_at) as updated_at from article a where "
            + ArticleRepository.visibleSql("a", ":now");
    // The limit is a literal for the reason visiblePage gives: a bound LIMIT is never planned generically.
    private static final String MONTH = COLUMNS + " and a.published_at >= :from and a.published_at < :to "
            + "order by a.published_at desc, a.id desc fetch first " + MONTH_MAX + " rows only";
    private static final String SINCE = COLUMNS + " and a.published_at >= :since "
            + "order by a.published_at desc, a.id desc fetch first " + NEWS_MAX + " rows only";
    private static final String MONTHS = "select to_char(a.published_at at time zone 'UTC', 'YYYY-MM') as month, "
            + "max(coalesce(a.updated_at, a.published_at)) as last_modified from article a where "
            + ArticleRepository.visibleSql("a", ":now") + " group by 1 order by 1 desc";

    private final EntityManager em;
    private final Now clock;

    SitemapReader(EntityManager em, Now clock) {
        this.em = em;
        this.clock = clock;
    }

    /** One public article as a sitemap lists it; {@code updatedAt} is {@code publishedAt} until a public update. */
    public record Entry(String slug, String headline, Instant publishedAt, Instant updatedAt) {
    }

    /** A month with public articles, and the latest {@code updatedAt} among them. */
    public record Month(YearMonth month, Instant lastModified) {
    }

    /** The newest {@link #MONTH_MAX} public articles published in {@code month} (UTC), newest first. */
    @ReplicaRead
    public List<Entry> inMonth(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return PublicRows.query(em, MONTH, Map.of("now", clock.instant(), "from", from, "to", to), SitemapReader::entry);
    }

    /** The newest {@link #NEWS_MAX} public articles published within {@code window} of now, newest first. */
    @ReplicaRead
    public List<Entry> publishedWithin(java.time.Duration window) {
        Instant now = clock.instant();
        return PublicRows.query(em, SINCE, Map.of("now", now, "since", now.minus(window)), SitemapReader::entry);
    }

    /** Every month with a public article, newest first. */
    @ReplicaRead
    public List<Month> months() {
        return PublicRows.query(em, MONTHS, Map.of("now", clock.instant()),
                r -> new Month(YearMonth.parse(r.text("month")), r.instant("last_modified")));
    }

    private static Entry entry(PublicRows.Row r) {
        return new Entry(r.text("slug"), r.text("headline"), r.instant("published_at"), r.instant("updated_at"));
    }
}
