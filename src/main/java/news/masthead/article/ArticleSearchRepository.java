package news.masthead.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Full-text search of the visible articles, built to stay cheap at a million articles.
 *
 * <p>Ranking every match cannot: a common word matches tens of thousands of articles, and each
 * rank decompresses that article's whole search vector. So relevance ranks only a bounded set of
 * candidates, the newest {@code candidates} matches (after the filters); {@code newest} needs no
 * ranking and reaches every match. Both find the newest matches week by week, going back from now
 * (or the newest order's cursor) through article_search_week_idx, which indexes each published
 * article's words together with its publication week: a week's matches are found without reading
 * other weeks' rows, and older weeks are never read once enough matches have been found.
 *
 * <p>Everything (matching, ranking, keyset, snippets, and the page's rows as the list shows them,
 * bylines included) is one statement.
 */
@ApplicationScoped
public class ArticleSearchRepository {

    /**
     * {@link ArticleRepository#VISIBLE} in SQL, derived from it rather than written again, so that
     * search can never disagree with the other public reads about what the public may see.
     */
    static final String VISIBLE_SQL = ArticleRepository.visibleSql("a", ":now");

    /**
     * Snippets quote the body's opening, the dateline and lede: ts_headline parses all the text it
     * is given, and PostgreSQL's parser is slow (~0.1 µs a character: a whole body costs ~0.4 ms a
     * hit). At 300 characters a page's snippets were half of its statement's time; at 200 (~30 words,
     * more than the 20 a fragment shows) they cost a quarter less. A word only further down gives the
     * opening words, unmarked.
     */
    static final int SNIPPET_SOURCE_CHARS = 200;

    /**
     * The query, and below now and the week the walk starts from, reach PostgreSQL as one-row
     * subqueries its planner cannot see (as in {@link ArticleRepository#unplannedSql}), and the limits
     * as literals. Seeing them, it planned every search afresh (1 ms of a search's ~6 ms at 1M
     * articles): each custom plan looked cheaper than the generic one, having dropped the branch
     * the query's words rule out. Now one generic plan per connection serves every query.
     */
    static final String TSQUERY = "(select websearch_to_tsquery('english', cast(:q as text)))";
    /** What a hit shows, and what that needs joined to the article {@code a}: the list's row, or its stored summary. */
    private final Shape<Hit> listed;
    private static final Shape<StoredHit> STORED = new Shape<>(
            PublicRows.Stored.summaries(PublicRows.Aliases.SHORT), " ", true,
            r -> new StoredHit(PublicRows.Stored.read(r), r.real("rank"), r.text("snippet")));
    private static final String HEADLINE_OPTIONS = "StartSel=\uE000, StopSel=\uE001, MaxFragments=2, MaxWords=20, "
            + "MinWords=8, FragmentDelimiter=\" … \"";
    /** The highlighted excerpt of the article {@code a} for the query; every search shows the same. */
    private static final String SNIPPET = "ts_headline('english', left(a.body_text, " + SNIPPET_SOURCE_CHARS + "), " + TSQUERY
            + ", '" + HEADLINE_OPTIONS + "')";

    private final EntityManager em;
    private final ObjectMapper json;
    private final SearchGate gate;

    ArticleSearchRepository(EntityManager em, ObjectMapper json, SearchGate gate) {
        this.em = em;
        this.json = json;
        this.gate = gate;
        this.listed = new Shape<>(PublicRows.Listed.select(PublicRows.Aliases.SHORT),
                PublicRows.Listed.joins(PublicRows.Aliases.SHORT), false,
                r -> new Hit(PublicRows.Listed.read(r, json), r.real("rank"), r.text("snippet")));
    }

    /**
     * The columns a page of hits selects of the article {@code a} (and its joins), whether it is
     * read without Hibernate's query machinery (see {@code PublicRows.queryDirect}), and how a hit is read.
     */
    private record Shape<H>(String columns, String joins, boolean direct, java.util.function.Function<PublicRows.Row, H> read) {
    }

    /** A search hit as stored: the article's rendered summary (null until rendered), its rank and excerpt. */
    public record StoredHit(PublicRows.Stored row, float rank, String snippet) {
    }

    /**
     * The filters search combines with; {@code section} is a slug and includes its subsections.
     * {@code scope} and {@code owner} limit a preview caller (null: no limit), as in {@link ArticleQuery}.
     */
    public record Filters(String section, String author, String tag, Instant since, Instant until,
                          java.util.Set<UUID> scope, UUID owner) {
        public Filters(String section, String author, String tag, Instant since, Instant until) {
            this(section, author, tag, since, until, null, null);
        }
    }

    /** One search hit: what the list shows of the article, its rank for the query (0 in newest order), and a highlighted excerpt. */
    public record Hit(PublicRows.Listed row, float rank, String snippet) {
    }

    /** Where a page starts: after the hit with this sort key (afterRank only in relevance order). */
    public record After(Float rank, Instant publishedAt, UUID id) {
    }

    /**
     * Relevance: the newest {@code candidates} matches ranked by ts_rank, then newest; {@code limit + 1}
     * hits after {@code after} (null: the first page).
     */
    public List<Hit> byRelevance(String text, Filters filters, After after, int candidates, int limit, Instant now) {
        return byRelevance(listed, text, filters, after, candidates, limit, now);
    }

    /** As {@link #byRelevance}, the hits' stored summaries. */
    public List<StoredHit> storedByRelevance(String text, Filters filters, After after, int candidates, int limit,
                                             Instant now) {
        return byRelevance(STORED, text, filters, after, candidates, limit, now);
    }

    /** As {@link #byNewest}, the hits' stored summaries. */
    public List<StoredHit> storedByNewest(String text, Filters filters, After after, int limit, Instant now) {
        return byNewest(STORED, text, filters, after, limit, now);
    }

    private <H> List<H> byRelevance(Shape<H> shape, String text, Filters filters, After after, int candidates, int limit,
                                    Instant now) {
        Statement s = new Statement(text, filters, now);
        String cand = s.newestMatches(earliest(now, filters.until()), null, candidates);
        String keyset = "";
        if (after != null) {
            keyset = "where (p.rank < cast(:afterRank as real) or (p.rank = cast(:afterRank as real) and "
                    + "(p.published_at < :afterAt or (p.published_at = :afterAt and p.id < :afterId))))";
            s.params.put("afterRank", after.rank());
            s.params.put("afterAt", after.publishedAt());
            s.params.put("afterId", after.id());
        }
        String sql = cand + s.page(rankedCandidates("v.id, v.published_at") + " p " + keyset,
                "p.rank desc, p.published_at desc, p.id desc", limit, shape);
        return s.hits(sql, shape);
    }

    /** Newest first, every match; {@code limit + 1} hits after {@code after} (null: the first page). */
    public List<Hit> byNewest(String text, Filters filters, After after, int limit, Instant now) {
        return byNewest(listed, text, filters, after, limit, now);
    }

    private <H> List<H> byNewest(Shape<H> shape, String text, Filters filters, After after, int limit, Instant now) {
        Statement s = new Statement(text, filters, now);
        Instant anchor = now;
        if (after != null) {
            anchor = after.publishedAt();
            s.params.put("afterAt", after.publishedAt());
            s.params.put("afterId", after.id());
        }
        String cand = s.newestMatches(earliest(anchor, filters.until()), after, limit + 1);
        String sql = cand + s.page("(select c.id, c.published_at, cast(0 as real) as rank from candidates c) p",
                "p.published_at desc, p.id desc", limit, shape);
        return s.hits(sql, shape);
    }

    /**
     * The rows of the CTE {@code candidates} (which names each by {@code row_ctid}, the ctid of the
     * row version it matched) with their rank for the query: {@code columns} of the article {@code v}
     * and {@code rank}. A vector is read where its row is, not carried through the candidates'
     * sorts and CTE: kept in the row (V70), it is ~3 kB that every copy moves again. One TID scan
     * takes the whole list; rescanned once per candidate, a TID scan asks the kernel for the
     * table's size each time. The ctids are this statement's own: its snapshot keeps those row
     * versions, so each is the row the candidate matched.
     */
    static String rankedCandidates(String columns) {
        return "(select " + columns + ", ts_rank(v.search_vector, " + TSQUERY + ") as rank from article v "
                + "where v.ctid = any(array(select c.row_ctid from candidates c)))";
    }

    /**
     * A page of {@code ranked} (whose rows the alias {@code p} names) in {@code order}, as the
     * subquery {@code r}: {@code columns} of its first {@code limit + 1} rows, numbered {@code n} in
     * that order. The last row only says whether more exist, so {@link #snippet} leaves it out.
     */
    static String numberedPage(String columns, String ranked, String order, int limit) {
        return "(select q.*, row_number() over (order by " + order.replace("p.", "q.") + ") as n from (select " + columns
                + " from " + ranked + " order by " + order + " limit " + Math.addExact(limit, 1) + ") q) r";
    }

    /**
     * The snippet of the row {@code r} of a {@link #numberedPage} joined to its article {@code a}:
     * for the {@code limit} rows shown only (each costs PostgreSQL ~0.03 ms of parsing).
     */
    static String snippet(int limit) {
        return "case when r.n <= " + limit + " then " + SNIPPET + " end";
    }

    private static Instant earliest(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    /** One statement under construction: its shared match condition and its parameters. */
    private final class Statement {
        final Map<String, Object> params = new HashMap<>();
        final Filters filters;
        final String match;

        Statement(String text, Filters f, Instant now) {
            filters = f;
            params.put("q", text);
            params.put("now", now);
            StringBuilder m = new StringBuilder(VISIBLE_SQL.replace(":now", ArticleRepository.unplannedSql(":now", "timestamptz")))
                    .append(" and a.search_vector @@ ").append(TSQUERY);
            if (f.section() != null) {
                // The subtree here rather than resolved first: one statement fewer per request.
                m.append(" and a.section_id in (select section_subtree(array(select id from section where slug = :section)))");
                params.put("section", f.section());
            }
            ArticleRepository.sqlFilters("a", f.author(), f.tag(), f.since(), f.until(), m, params);
            if (f.scope() != null) {
                m.append(" and a.section_id in (:scope)");
                params.put("scope", f.scope().isEmpty() ? java.util.List.of(new UUID(0, 0)) : f.scope());
            }
            if (f.owner() != null) {
                m.append(" and a.owner_token_id = :owner");
                params.put("owner", f.owner());
            }
            match = m.toString();
        }

        /**
         * A CTE {@code candidates} (id, published_at, and {@code row_ctid}, the row version's ctid): the
         * newest {@code k} matches published no later than {@code from}
         * (and after the keyset {@code after}, if any), newest first. It walks back one week at a
         * time, newest week first: the index finds a week's matches without reading any other
         * week's, and the walk stops as soon as it has k, so a common word costs a few weeks however
         * many articles match it in all.
         */
        String newestMatches(Instant from, After after, int k) {
            params.put("fromWeek", from);
            StringBuilder where = new StringBuilder(match);
            if (after != null) {
                where.append(" and a.published_at <= :afterAt and (a.published_at < :afterAt "
                        + "or (a.published_at = :afterAt and a.id < :afterId))");
            }
            // The oldest week holding a published article ends the walk (an index's first entry).
            String last = "(select article_search_week(min(p.published_at)) from article p where p.status = 'published')";
            if (filters.since() != null) {
                last = "greatest(article_search_week(:since), " + last + ")";
            }
            String walk = "select m.id, m.published_at, m.row_ctid "
                    + "from generate_series(article_search_week(" + ArticleRepository.unplannedSql(":fromWeek", "timestamptz") + "), " + last + ", -1) w(week) "
                    + "cross join lateral (select a.id, a.published_at, a.ctid as row_ctid from article a where " + where
                    + " and article_search_week(a.published_at) = w.week order by a.published_at desc, a.id desc) m "
                    + "where querytree(" + TSQUERY + ") <> 'T' limit " + k;
            // Only excluded words ("-budget", or an "or" with one): the index cannot find those, and
            // asked anyway it would read all of itself for every week. Nearly every article matches,
            // so the newest articles, each tested, give k matches soonest. querytree(...) is a
            // constant of the statement, a one-time filter: only one of the two branches ever runs.
            String scan = "select a.id, a.published_at, a.ctid as row_ctid from article a where " + where
                    + " and querytree(" + TSQUERY + ") = 'T' "
                    + "order by a.published_at desc, a.id desc limit " + k;
            return "with candidates as materialized ((" + walk + ") union all (" + scan + "))\n";
        }

        /**
         * The page of {@code ranked} (columns id, published_at, rank) in {@code order}: {@code limit + 1}
         * rows, with a snippet for each of the {@code limit} shown.
         */
        String page(String ranked, String order, int limit, Shape<?> shape) {
            return "select " + shape.columns() + ", r.rank as rank, " + snippet(limit) + " as snippet "
                    + "from " + numberedPage("p.id, p.published_at, p.rank", ranked, order, limit) + " "
                    + "join article a on a.id = r.id" + shape.joins()
                    + "order by " + order.replace("p.", "r.");
        }

        /**
         * The page's rows as the list shows them: the search statement reads them itself, no second
         * one. Every search statement runs here, in its turn ({@link SearchGate}).
         */
        <H> List<H> hits(String sql, Shape<H> shape) {
            return gate.run(() -> shape.direct() ? PublicRows.queryDirect(em, sql, params, shape.read())
                    : PublicRows.query(em, sql, params, shape.read()));
        }
    }
}
