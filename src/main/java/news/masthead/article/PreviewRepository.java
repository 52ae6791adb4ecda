package news.masthead.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.masthead.article.PublicRows.Aliases;
import news.masthead.article.PublicRows.Listed;

/**
 * The preview's own perspective, "latest": every article in a previewable status as it now stands,
 * drafts included, in the Content API's shapes plus status and revision. (Preview {@code at} is not
 * here: it is the Content API's own reads at another instant, see {@link ArticlePreviews}.)
 */
@ApplicationScoped
class PreviewRepository {
    /**
     * The statuses preview shows, as an allowlist: trashed articles are out, and so is any status
     * added later (a legal kill) until someone decides it belongs in a preview.
     */
    static final List<String> STATUSES = List.of(ArticleStatus.DRAFT.wire(), ArticleStatus.PUBLISHED.wire(),
            ArticleStatus.UNPUBLISHED.wire());

    /** {@link #STATUSES} as SQL over the article {@code a}. */
    static final String PREVIEWABLE = inStatuses(STATUSES);

    /** Never published (no publishedAt): sorted as if published when it was created. */
    private static final String SORT = sort("a");

    private static String sort(String alias) {
        return "coalesce(" + alias + ".published_at, " + alias + ".created_at)";
    }

    private static final String ROW = Listed.select(Aliases.SHORT) + ", a.status as status, a.visible_from as visible_from, "
            + "a.revision as revision, " + SORT + " as sort_at";
    private static final String FROM = " from article a" + Listed.joins(Aliases.SHORT);

    private final EntityManager em;
    private final ObjectMapper json;

    PreviewRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One article as preview lists it: the public row, its stored status and when it turns public, its revision. */
    record Row(Listed listed, String status, Instant visibleFrom, int revision, Instant sortAt) {
        static Row read(PublicRows.Row r, ObjectMapper json) {
            return new Row(Listed.read(r, json), r.text("status"), r.instant("visible_from"), r.integer("revision"),
                    r.instant("sort_at"));
        }
    }

    /** A whole article for preview by slug. */
    record Whole(Row row, String body, String updates, String headlines) {
    }

    /** A search hit: the row, its rank (0 in newest order) and its highlighted excerpt. */
    record Hit(Row row, float rank, String snippet) {
    }

    /** Where a page starts: after this sort key (rank only in relevance order). */
    record After(Float rank, Instant sortAt, UUID id) {
    }

    /** Newest first (publishedAt, else createdAt, then id); {@code limit + 1} rows after the cursor. */
    List<Row> page(ArticleQuery q, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select ").append(ROW).append(FROM).append("where ").append(PREVIEWABLE);
        filters(q, sql, params);
        if (after != null) {
            sql.append(" and (").append(SORT).append(", a.id) < (:afterAt, :afterId)");
            params.put("afterAt", after.sortAt());
            params.put("afterId", after.id());
        }
        sql.append(" order by sort_at desc, a.id desc limit ").append(Math.addExact(limit, 1));
        return PublicRows.query(em, sql.toString(), params, r -> Row.read(r, json));
    }

    /** The article with this slug, if it is previewable and within {@code scope}. */
    Optional<Whole> bySlug(String slug, PreviewScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select ").append(ROW)
                .append(", cast(a.body as text) as body, cast(a.updates as text) as updates, "
                        + "cast(a.headlines as text) as headlines").append(FROM)
                .append("where a.slug = :slug and ").append(PREVIEWABLE);
        params.put("slug", slug);
        scope(scope, sql, params);
        return PublicRows.query(em, sql.toString(), params, r -> new Whole(Row.read(r, json), r.text("body"), r.text("updates"),
                        r.text("headlines")))
                .stream().findFirst();
    }

    /** The current slug of the previewable article within {@code scope} that once had {@code oldSlug}. */
    Optional<String> movedFrom(String oldSlug, PreviewScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select a.slug as slug from article_slug_redirect r join article a "
                + "on a.id = r.article_id where r.slug = :slug and ").append(PREVIEWABLE);
        params.put("slug", oldSlug);
        scope(scope, sql, params);
        return PublicRows.query(em, sql.toString(), params, r -> r.text("slug")).stream().findFirst();
    }

    /**
     * What preview {@code at} adds to the Content API's rows: each article's stored status, the
     * instant it turns public, its revision, and who may preview it.
     */
    record State(UUID id, String status, Instant visibleFrom, int revision, UUID sectionId, UUID ownerTokenId) {
    }

    Map<UUID, State> states(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return PublicRows.query(em, "select a.id as id, a.status as status, a.visible_from as visible_from, "
                                + "a.revision as revision, a.section_id as section_id, a.owner_token_id as owner "
                                + "from article a where a.id in (:ids)", Map.of("ids", ids),
                        r -> new State(r.uuid("id"), r.text("status"), r.instant("visible_from"), r.integer("revision"),
                                r.uuid("section_id"), r.uuid("owner")))
                .stream().collect(Collectors.toMap(State::id, Function.identity()));
    }

    /**
     * Full-text search over the previewable articles: relevance among the newest {@code candidates}
     * matches, or every match newest first. Published articles are found through the public search
     * index, the others through a small index of their own (V53), each newest first; preview is an
     * editors' read, so it is one plain statement rather than the public search's week-by-week walk.
     */
    List<Hit> search(String text, ArticleSearchRepository.Filters f, After after, boolean newest, int candidates, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        StringBuilder match = new StringBuilder(" and a.search_vector @@ ").append(ArticleSearchRepository.TSQUERY);
        if (f.section() != null) {
            match.append(" and a.section_id in (select section_subtree(array(select id from section where slug = :section)))");
            params.put("section", f.section());
        }
        ArticleRepository.sqlFilters("a", f.author(), f.tag(), f.since(), f.until(), match, params);
        scope(new PreviewScope(f.scope(), f.owner(), null), match, params);
        int k = candidates;
        String keyset = "";
        if (newest) {
            k = Math.addExact(limit, 1);
            if (after != null) {
                match.append(" and (").append(SORT).append(", a.id) < (:afterAt, :afterId)");
                params.put("afterAt", after.sortAt());
                params.put("afterId", after.id());
            }
        } else if (after != null) {
            keyset = " where (p.rank < cast(:afterRank as real) or (p.rank = cast(:afterRank as real) and "
                    + "(p.sort_at < :afterAt or (p.sort_at = :afterAt and p.id < :afterId))))";
            params.put("afterRank", after.rank());
            params.put("afterAt", after.sortAt());
            params.put("afterId", after.id());
        }
        String published = branch(inStatuses(List.of(ArticleStatus.PUBLISHED.wire())), match, k);
        String others = branch(inStatuses(STATUSES.stream().filter(s -> !s.equals(ArticleStatus.PUBLISHED.wire())).toList()),
                match, k);
        String order = newest ? "p.sort_at desc, p.id desc" : "p.rank desc, p.sort_at desc, p.id desc";
        String ranked = newest ? "(select c.id, c.sort_at, cast(0 as real) as rank from candidates c)"
                : ArticleSearchRepository.rankedCandidates("v.id, " + sort("v") + " as sort_at");
        String sql = "with candidates as materialized (select c.id, c.sort_at, c.row_ctid from (" + published
                + " union all " + others + ") c order by c.sort_at desc, c.id desc limit " + k + ") "
                + "select " + ROW + ", r.rank as rank, " + ArticleSearchRepository.snippet(limit) + " as snippet "
                + "from " + ArticleSearchRepository.numberedPage("p.id, p.sort_at, p.rank", ranked + " p" + keyset, order, limit)
                + " join article a on a.id = r.id" + Listed.joins(Aliases.SHORT) + "order by " + order.replace("p.", "r.");
        return PublicRows.query(em, sql, params, r -> new Hit(Row.read(r, json), r.real("rank"), r.text("snippet")));
    }

    /** The newest {@code k} matches among articles in {@code statuses}; each branch has an index that finds them. */
    private static String branch(String statuses, CharSequence match, int k) {
        return "(select a.id, " + SORT + " as sort_at, a.ctid as row_ctid from article a where " + statuses + match
                + " order by sort_at desc, a.id desc limit " + k + ")";
    }

    private static void filters(ArticleQuery q, StringBuilder sql, Map<String, Object> params) {
        java.util.Set<UUID> sections = q.sectionIds();
        if (sections != null) {
            sql.append(" and a.section_id in (:sections)");
            params.put("sections", sections.isEmpty() ? List.of(new UUID(0, 0)) : sections);
        }
        ArticleRepository.sqlFilters("a", q.authorSlug(), q.tag(), q.since(), q.until(), sql, params);
        scope(new PreviewScope(q.scope(), q.owner(), null), sql, params);
    }

    /** The limits of a preview caller, in SQL over the article {@code a}. */
    private static void scope(PreviewScope scope, StringBuilder sql, Map<String, Object> params) {
        if (scope.sections() != null) {
            sql.append(" and a.section_id in (:scope)");
            params.put("scope", scope.sections().isEmpty() ? List.of(new UUID(0, 0)) : scope.sections());
        }
        if (scope.owner() != null) {
            sql.append(" and a.owner_token_id = :owner");
            params.put("owner", scope.owner());
        }
        if (scope.article() != null) {
            sql.append(" and a.id = :article");
            params.put("article", scope.article());
        }
    }

    private static String inStatuses(List<String> statuses) {
        return statuses.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "a.status in (", ")"));
    }
}
