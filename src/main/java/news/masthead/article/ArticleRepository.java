package news.masthead.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.article.PublicRows.Listed;
import news.masthead.article.PublicRows.Shown;
import news.masthead.common.db.PipelineSql;
import news.masthead.common.replica.PublicReadJdbc;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {
    private static final Pattern PROPERTY = Pattern.compile("\\ba\\.([a-z]+)([A-Z][A-Za-z]*)?");

    /**
     * The one definition of "the public may see it", in HQL over the article {@code a} at the
     * instant {@code :now}. Every public read path uses it, native statements through
     * {@link #visibleSql}; there is no other place where visibility is decided.
     */
    static final String VISIBLE = "a.status = 'published' and a.visibleFrom <= :now";

    /**
     * Killed after the public could see it: its slugs answer 410 rather than the 404 of anything
     * never published (a draft killed before it ever went out says nothing about itself). Not a
     * second visibility predicate: a killed article is simply not {@link #VISIBLE}; this only
     * decides which error says so.
     */
    static final String GONE = "a.status = 'killed' and a.visibleFrom <= a.killedAt";

    /**
     * The public list's table aliases: those Hibernate gave this statement when it was HQL, so that
     * its text in pg_prepared_statements and pg_stat_statements stays what it was (PlanCacheTest
     * finds it there by that text).
     */
    private static final PublicRows.Aliases LIST = new PublicRows.Aliases("a1_0", "s1_0", "c1_0");

    /** The public list up to its filters; built once, as every public statement's fixed part. */
    private static final String LIST_SELECT = "select " + Listed.select(LIST) + " from article " + LIST.article()
            + Listed.joins(LIST) + "where " + visibleSql(LIST.article(), unplannedSql(":now", "timestamptz"));

    /** The same list of stored documents: no joins, nothing mapped (issue #19). */
    private static final String STORED_LIST_SELECT = "select " + PublicRows.Stored.summaries(LIST) + " from article "
            + LIST.article() + " where " + visibleSql(LIST.article(), unplannedSql(":now", "timestamptz"));

    /** An article's stored document by slug: one row, one index. */
    private static final String STORED_BY_SLUG = "select " + PublicRows.Stored.documents(PublicRows.Aliases.SHORT)
            + " from article a where a.slug = :slug and " + visibleSql("a", ":now");

    private static final String BY_SLUG = "select " + Shown.select(PublicRows.Aliases.SHORT) + " from article a"
            + Listed.joins(PublicRows.Aliases.SHORT) + "where a.slug = :slug and " + visibleSql("a", ":now");

    private static final String WITH_REFS = "select a from Article a left join fetch a.section "
            + "join fetch a.copyrightNotice ";

    private final ObjectMapper json;
    private final PublicReadJdbc outsideSession;

    ArticleRepository(ObjectMapper json, PublicReadJdbc outsideSession) {
        this.json = json;
        this.outsideSession = outsideSession;
    }

    /**
     * {@link #VISIBLE} in SQL over the article {@code article}, at the instant the SQL expression
     * {@code instant} gives (a placeholder, or an {@link #unplannedSql} one): derived from it,
     * never written a second time.
     */
    public static String visibleSql(String article, String instant) {
        return columns(VISIBLE, article).replace(":now", instant);
    }

    public Optional<Shown> findVisibleBySlug(String slug, Instant now) {
        return PublicRows.query(getEntityManager(), BY_SLUG, Map.of("slug", slug, "now", now), r -> Shown.read(r, json))
                .stream().findFirst();
    }

    /** The visible article that once had {@code oldSlug}. */
    public Optional<Article> findVisibleByOldSlug(String oldSlug, Instant now) {
        return getEntityManager().createQuery("select a from ArticleSlugRedirect r join r.article a "
                        + "where r.slug = :slug and " + VISIBLE, Article.class)
                .setParameter("slug", oldSlug).setParameter("now", now)
                .getResultStream().findFirst();
    }

    /** The killed article that has, or once had, {@code slug}, if the public saw it before the kill ({@link #GONE}). */
    public Optional<UUID> findGoneBySlug(String slug) {
        return getEntityManager().createQuery("select a.id from Article a where (a.slug = :slug or a.id in "
                        + "(select r.article.id from ArticleSlugRedirect r where r.slug = :slug)) and " + GONE,
                        UUID.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * Newest visible first; {@code limit + 1} rows so the caller can tell whether more follow. One
     * native statement: built as HQL, its {@code sql()} parameters cost ~0.4 ms of Java per request.
     */
    public List<Listed> visiblePage(ArticleQuery q, Instant afterPublishedAt, UUID afterId, int limit, Instant now) {
        return visiblePage(LIST_SELECT, q, afterPublishedAt, afterId, limit, now, false, r -> Listed.read(r, json));
    }

    /** As {@link #visiblePage}, the rows' stored summaries. */
    public List<PublicRows.Stored> visibleStoredPage(ArticleQuery q, Instant afterPublishedAt, UUID afterId, int limit,
                                                     Instant now) {
        return visiblePage(STORED_LIST_SELECT, q, afterPublishedAt, afterId, limit, now, true, PublicRows.Stored::read);
    }

    /** The visible article's stored document, its id and keys (the document null while not rendered yet). */
    public Optional<PublicRows.Stored> findStoredBySlug(String slug, Instant now) {
        return PublicRows.queryDirect(getEntityManager(), STORED_BY_SLUG, Map.of("slug", slug, "now", now),
                PublicRows.Stored::read)
                .stream().findFirst();
    }

    /**
     * {@link #findStoredBySlug} outside any session, for the front door's by-slug read
     * ({@code StoredArticleRead}); the same statement and visibility predicate.
     */
    public Optional<PublicRows.Stored> findStoredBySlugOutsideSession(String slug, Instant now) {
        return PublicRows.queryOutsideSession(outsideSession, STORED_BY_SLUG, Map.of("slug", slug, "now", now),
                PublicRows.Stored::read).stream().findFirst();
    }

    private <T> List<T> visiblePage(String select, ArticleQuery q, Instant afterPublishedAt, UUID afterId, int limit,
                                    Instant now, boolean direct, java.util.function.Function<PublicRows.Row, T> read) {
        String a = LIST.article();
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(select);
        params.put("now", now);
        if (q.sectionIds() != null) {
            sql.append(" and ").append(a).append(".section_id in (:sections)");
            params.put("sections", q.sectionIds().isEmpty() ? List.of(new UUID(0, 0)) : q.sectionIds());
        }
        if (q.scope() != null) {
            sql.append(" and ").append(a).append(".section_id in (:scope)");
            params.put("scope", q.scope().isEmpty() ? List.of(new UUID(0, 0)) : q.scope());
        }
        if (q.owner() != null) {
            sql.append(" and ").append(a).append(".owner_token_id = :owner");
            params.put("owner", q.owner());
        }
        sqlFilters(a, q.authorSlug(), q.tag(), q.since(), q.until(), sql, params);
        if (afterId != null) {
            // The keyset as one row comparison: PostgreSQL starts the scan of
            // article_public_newest_idx at the cursor, so page 200 costs what page 1 does.
            sql.append(" and (").append(a).append(".published_at, ").append(a).append(".id)<(")
                    .append(unplannedSql(":afterAt", "timestamptz")).append(", ").append(unplannedSql(":afterId", "uuid"))
                    .append(")");
            params.put("afterAt", afterPublishedAt);
            params.put("afterId", afterId);
        }
        // The page size goes into the statement as a literal (one statement per size, at most 100):
        // with a bound LIMIT PostgreSQL must assume a large result, so its generic plan never wins
        // and every call would be planned afresh.
        sql.append(" order by ").append(a).append(".published_at desc, ").append(a).append(".id desc fetch first ")
                .append(Math.addExact(limit, 1)).append(" rows only");
        return direct ? PublicRows.queryDirect(getEntityManager(), sql.toString(), params, read)
                : PublicRows.query(getEntityManager(), sql.toString(), params, read);
    }

    /**
     * A collection's articles in one statement: the visible ones among {@code pinned} (any order,
     * labelled {@code pinned = true}), then, when {@code fill} is set, the newest {@code fillLimit}
     * visible ones in the section subtree of {@code fillSection} (null: any) carrying
     * {@code fillTag} (null: any) that are not pinned. Both parts use {@link #VISIBLE}.
     */
    public List<Picked> visiblePicks(java.util.Collection<UUID> pinned, boolean fill, UUID fillSection, String fillTag,
                                     int fillLimit, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", now);
        params.put("pinned", pinned.isEmpty() ? List.of(new UUID(0, 0)) : pinned);
        String select = "select " + Listed.select(PublicRows.Aliases.SHORT);
        StringBuilder sql = new StringBuilder();
        if (!pinned.isEmpty()) {
            sql.append(select).append(", true as pinned from article a").append(Listed.joins(PublicRows.Aliases.SHORT))
                    .append("where a.id in (:pinned) and ").append(visibleSql("a", ":now"));
        }
        if (fill) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            StringBuilder where = new StringBuilder(visibleSql("a", ":now")).append(" and a.id not in (:pinned)");
            if (fillSection != null) {
                where.append(" and a.section_id in (select section_subtree(array[cast(:fillSection as uuid)]))");
                params.put("fillSection", fillSection);
            }
            sqlFilters("a", null, fillTag, null, null, where, params);
            sql.append("select * from (").append(select).append(", false as pinned from article a")
                    .append(Listed.joins(PublicRows.Aliases.SHORT)).append("where ").append(where)
                    .append(" order by a.published_at desc, a.id desc fetch first ").append(fillLimit).append(" rows only) f");
        }
        if (sql.isEmpty()) {
            return List.of();
        }
        return PublicRows.query(getEntityManager(), sql.toString(), params,
                r -> new Picked(Listed.read(r, json), r.bool("pinned")));
    }

    /** A row of {@link #visiblePicks}: pinned, or found by the fill. */
    public record Picked(Listed row, boolean pinned) {
    }

    /** Which of these ids name an article, in any status. */
    @SuppressWarnings("unchecked")
    public Set<UUID> existing(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select a.id from Article a where a.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /**
     * The filters the public list and search share, in SQL over the article {@code a}: appended to
     * {@code where} with their parameters (null: no such filter).
     */
    static void sqlFilters(String a, String author, String tag, Instant since, Instant until, StringBuilder where,
                           Map<String, Object> params) {
        if (author != null) {
            where.append(" and exists (select 1 from article_author aa join author au on au.id = aa.author_id "
                    + "where aa.article_id = ").append(a).append(".id and au.slug = :author)");
            params.put("author", author);
        }
        if (tag != null) {
            where.append(" and ").append(a).append(".tags @> array[cast(:tag as text)]");
            params.put("tag", tag);
        }
        if (since != null) {
            where.append(" and ").append(a).append(".published_at >= :since");
            params.put("since", since);
        }
        if (until != null) {
            where.append(" and ").append(a).append(".published_at < :until");
            params.put("until", until);
        }
    }

    /** Every status, newest created first. */
    public List<Article> adminPage(ArticleQuery q, Instant afterCreatedAt, UUID afterId, int limit, Instant now) {
        QueryBuilder b = new QueryBuilder(WITH_REFS + "where 1 = 1");
        filters(b, q);
        if (q.status() != null) {
            statusFilter(b, q.status(), now);
        }
        if (afterId != null) {
            b.and("(a.createdAt < :afterAt or (a.createdAt = :afterAt and a.id < :afterId))")
                    .param("afterAt", afterCreatedAt).param("afterId", afterId);
        }
        return find(b.hql() + " order by a.createdAt desc, a.id desc", b.params()).page(0, limit + 1).list();
    }

    /** The articles with these ids and their section and notice, in one statement; authors come batched. */
    public List<Article> withRefs(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(WITH_REFS + "where a.id in :ids", Parameters.with("ids", ids)).list();
    }

    public Optional<Article> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The rest of this write transaction (the pipeline's statements) runs on generic plans: each
     * statement is planned once per connection, not at every write. PostgreSQL kept planning
     * them afresh (the partners' ledger's pending-row delete, the entry's {@code update article}:
     * 0.6 to 0.9 ms each, under the locks every writer of a liveblog waits for) since it weighs
     * only a plan's execution cost, and for a statement keyed by one article the generic plan is
     * the same one. With it set for the database, 4 entry writers' p99 went from 31 to 23 ms
     * ({@code bench/liveblog.sh}).
     */
    public void planOnce() {
        PipelineSql.of(getEntityManager(), "set local plan_cache_mode = force_generic_plan").executeUpdate();
    }

    /**
     * Locks the article's row for a write to one of its liveblog entries, with {@code updatedAt}
     * set to {@code at} if {@code moveUpdatedAt}, and nothing else: answers its revision, or empty
     * when it is gone. Native, without touching the entity loaded in this transaction: Hibernate
     * would write every column and read the generated ones back, the largest share of an entry
     * write's CPU and allocation (JFR over {@code bench/liveblog.sh}).
     */
    public Optional<Integer> lockRevision(UUID id, boolean moveUpdatedAt, Instant at) {
        Query q = moveUpdatedAt
                ? PipelineSql.of(getEntityManager(), "update article set updated_at = :at where id = :id returning revision",
                        "article").setParameter("at", at)
                : PipelineSql.of(getEntityManager(), "select revision from article where id = :id for no key update");
        List<?> revision = q.setParameter("id", id).getResultList();
        return revision.stream().findFirst().map(r -> ((Number) r).intValue());
    }

    /**
     * Locks the row of an article this transaction has already read, as {@link #findForUpdate}
     * does, and reads it afresh: a writer that commits in between is seen. Empty when it is gone.
     */
    public Optional<Article> lockFresh(Article read) {
        try {
            getEntityManager().refresh(read, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(read);
        } catch (EntityNotFoundException gone) {
            return Optional.empty();
        }
    }

    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0
                || getEntityManager().createQuery("select count(r) from ArticleSlugRedirect r "
                        + "where r.slug = :slug and r.article.id <> :id", Long.class)
                .setParameter("slug", slug).setParameter("id", except).getSingleResult() > 0;
    }

    /** Ends the redirect from {@code slug} to this article, if there is one: it takes that slug back. */
    public void deleteRedirect(String slug, UUID articleId) {
        getEntityManager().createQuery("delete from ArticleSlugRedirect r where r.slug = :slug and r.article.id = :id")
                .setParameter("slug", slug).setParameter("id", articleId).executeUpdate();
    }

    /** Lets {@code oldSlug} lead to the article from now on. */
    public void addRedirect(String oldSlug, Article article) {
        ArticleSlugRedirect redirect = new ArticleSlugRedirect();
        redirect.slug = oldSlug;
        redirect.article = article;
        getEntityManager().persist(redirect);
    }

    private static void filters(QueryBuilder b, ArticleQuery q) {
        if (q.sectionIds() != null) {
            b.and("a.section.id in :sections").param("sections", q.sectionIds().isEmpty() ? List.of(new UUID(0, 0)) : q.sectionIds());
        }
        if (q.scope() != null) {
            b.and("a.section.id in :scope").param("scope", q.scope().isEmpty() ? List.of(new UUID(0, 0)) : q.scope());
        }
        if (q.authorSlug() != null) {
            b.and("exists (select 1 from Article a2 join a2.authors au where a2 = a and au.slug = :author)")
                    .param("author", q.authorSlug());
        }
        if (q.tag() != null) {
            b.and("array_contains(a.tags, :tag)").param("tag", q.tag());
        }
        if (q.since() != null) {
            b.and("a.publishedAt >= :since").param("since", q.since());
        }
        if (q.until() != null) {
            b.and("a.publishedAt < :until").param("until", q.until());
        }
    }

    /**
     * A bound value that PostgreSQL's planner cannot see: a one-row subquery, evaluated once per
     * execution. With the cursor (and now) visible, each call's custom plan looks cheaper than the
     * generic one, so PostgreSQL planned every page after the first again: 0.44 ms of its 1.2 ms.
     * Hidden, the plan is the same for every cursor and is prepared once per connection.
     * {@code value} is a placeholder such as {@code :now}.
     */
    static String unplannedSql(String value, String sqlType) {
        return "(select cast(" + value + " as " + sqlType + "))";
    }

    /** HQL property paths of the article {@code a} as columns of {@code alias} (camelCase to snake_case). */
    static String columns(String hql, String alias) {
        Matcher m = PROPERTY.matcher(hql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String column = m.group(0).substring(2).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(alias + "." + column));
        }
        return m.appendTail(out).toString();
    }

    private static void statusFilter(QueryBuilder b, ArticleStatus status, Instant now) {
        switch (status) {
            case SCHEDULED -> b.and("a.status = 'published' and a.visibleFrom > :now").param("now", now);
            case PUBLISHED -> b.and(VISIBLE).param("now", now);
            default -> b.and("a.status = :status").param("status", status.wire());
        }
    }
}
