package news.masthead.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import news.masthead.article.PublicRows.Listed;
import news.masthead.article.PublicRows.Shown;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {
    private final ObjectMapper json;

    ArticleRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The one definition of "the public may see it". Every public read path uses it; there is
     * no other place where visibility is decided.
     */
    static final String VISIBLE = "a.status = 'published' and a.visibleFrom <= :now";

    private static final String WITH_REFS = "select a from Article a left join fetch a.section "
            + "join fetch a.copyrightNotice ";

    public Optional<Shown> findVisibleBySlug(String slug, Instant now) {
        return getEntityManager().createQuery("select " + Shown.SELECT + Listed.FROM + "where a.slug = :slug and " + VISIBLE,
                        Object[].class)
                .setParameter("slug", slug).setParameter("now", now)
                .getResultStream().findFirst().map(r -> Shown.of(r, json));
    }

    /** The visible article that once had {@code oldSlug}. */
    public Optional<Article> findVisibleByOldSlug(String oldSlug, Instant now) {
        return getEntityManager().createQuery("select a from ArticleSlugRedirect r join r.article a "
                        + "where r.slug = :slug and " + VISIBLE, Article.class)
                .setParameter("slug", oldSlug).setParameter("now", now)
                .getResultStream().findFirst();
    }

    /** Newest visible first; {@code limit + 1} rows so the caller can tell whether more follow. */
    public List<Listed> visiblePage(ArticleQuery q, Instant afterPublishedAt, UUID afterId, int limit, Instant now) {
        QueryBuilder b = new QueryBuilder("select " + Listed.SELECT + Listed.FROM + "where "
                + VISIBLE.replace(":now", unplanned("now", "timestamptz", "Instant"))).param("now", now);
        filters(b, q);
        afterNewest(b, afterPublishedAt, afterId);
        // The page size goes into the statement as a literal (one statement per size, at most 100):
        // with a bound LIMIT PostgreSQL must assume a large result, so its generic plan never wins
        // and every call would be planned afresh.
        TypedQuery<Object[]> query = getEntityManager()
                .createQuery(b.hql() + " order by a.publishedAt desc, a.id desc limit " + Math.addExact(limit, 1), Object[].class);
        b.params().map().forEach(query::setParameter);
        return query.getResultList().stream().map(r -> Listed.of(r, json)).toList();
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

    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0
                || getEntityManager().createQuery("select count(r) from ArticleSlugRedirect r "
                        + "where r.slug = :slug and r.article.id <> :id", Long.class)
                .setParameter("slug", slug).setParameter("id", except).getSingleResult() > 0;
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
     * Keyset condition after (publishedAt, id), newest first, as one row comparison: PostgreSQL
     * starts the scan of article_public_newest_idx at the cursor, so page 200 costs what page 1
     * does. The cursor values reach PostgreSQL as {@link #unplanned} values.
     */
    private static void afterNewest(QueryBuilder b, Instant afterPublishedAt, UUID afterId) {
        if (afterId != null) {
            b.and("(a.publishedAt, a.id) < (" + unplanned("afterAt", "timestamptz", "Instant") + ", "
                            + unplanned("afterId", "uuid", "java.util.UUID") + ")")
                    .param("afterAt", afterPublishedAt).param("afterId", afterId);
        }
    }

    /**
     * A bound value that PostgreSQL's planner cannot see: a one-row subquery, evaluated once per
     * execution. With the cursor (and now) visible, each call's custom plan looks cheaper than the
     * generic one, so PostgreSQL planned every page after the first again: 0.44 ms of its 1.2 ms.
     * Hidden, the plan is the same for every cursor and is prepared once per connection.
     */
    static String unplanned(String param, String sqlType, String hqlType) {
        return "cast(sql('" + unplannedSql("?", sqlType) + "', :" + param + ") as " + hqlType + ")";
    }

    /** {@link #unplanned} in SQL, for native statements: {@code value} a placeholder such as {@code :q}. */
    static String unplannedSql(String value, String sqlType) {
        return "(select cast(" + value + " as " + sqlType + "))";
    }

    private static void statusFilter(QueryBuilder b, ArticleStatus status, Instant now) {
        switch (status) {
            case SCHEDULED -> b.and("a.status = 'published' and a.visibleFrom > :now").param("now", now);
            case PUBLISHED -> b.and(VISIBLE).param("now", now);
            default -> b.and("a.status = :status").param("status", status.wire());
        }
    }
}
