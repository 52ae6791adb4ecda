package news.masthead.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.article.Article;
import news.masthead.article.ArticleMapper;
import news.masthead.article.ArticleRepository;
import news.masthead.common.error.ForbiddenException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageMeta;
import news.masthead.common.paging.PageRequest;
import news.masthead.syndication.api.Change;
import news.masthead.syndication.api.ChangePage;
import news.masthead.syndication.api.SyndicatedArticle;

/**
 * What a partner may receive. Rights are decided inside the queries ({@link SyndicationLedger#ENTITLED}),
 * never by filtering results afterwards, so a page can never hold what the partner may not see.
 */
@ApplicationScoped
public class SyndicationService {
    private static final String RECEIVABLE = SyndicationLedger.ENTITLED + " and "
            + SyndicationLedger.PARTNER_VISIBLE_FROM + " <= :now";
    private static final String FROM = " from article a join copyright_notice n on n.id = a.copyright_notice_id"
            + " cross join partner p where p.id = :partner and ";

    private final EntityManager em;
    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final Caller caller;

    SyndicationService(EntityManager em, ArticleRepository articles, ArticleMapper mapper, Caller caller) {
        this.em = em;
        this.articles = articles;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** Newest first, by publication time. */
    @Transactional
    public Page<SyndicatedArticle> list(String limit, String cursor) {
        UUID partner = partner();
        PageRequest page = PageRequest.parse(limit, cursor, 2);
        String keyset = page.after().isPresent()
                ? " and (a.published_at < :afterAt or (a.published_at = :afterAt and a.id < :afterId))" : "";
        var query = em.createNativeQuery("select a.id" + FROM + RECEIVABLE + keyset
                        + " order by a.published_at desc, a.id desc limit :n", UUID.class)
                .setParameter("partner", partner).setParameter("now", Timestamp.from(Instant.now()))
                .setParameter("n", page.limit() + 1);
        page.after().ifPresent(c -> query.setParameter("afterAt", Timestamp.from(Cursors.instant(c.get(0))))
                .setParameter("afterId", Cursors.uuid(c.get(1))));
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        List<Article> rows = inOrder(ids);
        return Page.of(rows, page.limit(), this::syndicated,
                a -> PageRequest.encode(a.publishedAt.toString(), a.id.toString()));
    }

    @Transactional
    public SyndicatedArticle get(UUID id) {
        UUID partner = partner();
        boolean receivable = !em.createNativeQuery("select a.id" + FROM + RECEIVABLE + " and a.id = :id", UUID.class)
                .setParameter("partner", partner).setParameter("now", Timestamp.from(Instant.now()))
                .setParameter("id", id).getResultList().isEmpty();
        if (!receivable) {
            throw new NotFoundException("No article you may receive has this id.");
        }
        return syndicated(articles.withRefs(List.of(id)).get(0));
    }

    /**
     * The partner's changes after the cursor, in order. The shared advisory lock waits out every
     * writer that has taken a position but not yet committed, so nothing can later appear before
     * a position this page hands out. Each article appears at its latest position only, and an
     * upsert carries the article as it is now.
     */
    @Transactional
    public ChangePage changes(String limit, String cursor) {
        UUID partner = partner();
        PageRequest page = PageRequest.parse(limit, cursor, 2);
        em.createNativeQuery("select 1 from pg_advisory_xact_lock_shared(" + SyndicationLedger.LOCK + ")").getSingleResult();
        Timestamp now = Timestamp.from(instantOf(em.createNativeQuery("select clock_timestamp()").getSingleResult()));
        Instant afterAt = page.after().map(c -> Cursors.instant(c.get(0))).orElse(Instant.EPOCH);
        long afterSeq = page.after().map(c -> Cursors.number(c.get(1))).orElse(0L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.seq, c.article_id, c.kind, c.reason, c.effective_at from syndication_change c
                        where c.partner_id = :partner and c.effective_at <= :now
                          and (c.effective_at > :afterAt or (c.effective_at = :afterAt and c.seq > :afterSeq))
                          and not exists (select 1 from syndication_change later
                                          where later.partner_id = c.partner_id and later.article_id = c.article_id
                                            and later.seq > c.seq and later.effective_at <= :now)
                        order by c.effective_at, c.seq limit :n""")
                .setParameter("partner", partner).setParameter("now", now)
                .setParameter("afterAt", Timestamp.from(afterAt)).setParameter("afterSeq", afterSeq)
                .setParameter("n", page.limit()).getResultList();
        List<UUID> upserted = rows.stream().filter(r -> "upsert".equals(r[2])).map(r -> (UUID) r[1]).toList();
        Map<UUID, SyndicatedArticle> current = receivableNow(partner, upserted, now);
        List<Change> changes = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[1];
            if ("removal".equals(r[2])) {
                changes.add(Change.removal(id, (String) r[3]));
            } else if (current.containsKey(id)) {
                changes.add(Change.upsert(current.get(id)));
            }
        }
        String next = rows.isEmpty() ? PageRequest.encode(afterAt.toString(), Long.toString(afterSeq))
                : PageRequest.encode(instantOf(rows.get(rows.size() - 1)[4]).toString(), rows.get(rows.size() - 1)[0].toString());
        return new ChangePage(changes, new PageMeta(page.limit(), next));
    }

    private Map<UUID, SyndicatedArticle> receivableNow(UUID partner, List<UUID> ids, Timestamp now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> receivable = em.createNativeQuery("select a.id" + FROM + RECEIVABLE + " and a.id in (:ids)", UUID.class)
                .setParameter("partner", partner).setParameter("now", now).setParameter("ids", ids).getResultList();
        Map<UUID, SyndicatedArticle> byId = new HashMap<>();
        articles.withRefs(receivable).forEach(a -> byId.put(a.id, syndicated(a)));
        return byId;
    }

    private List<Article> inOrder(List<UUID> ids) {
        Map<UUID, Article> byId = new HashMap<>();
        articles.withRefs(ids).forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).toList();
    }

    private SyndicatedArticle syndicated(Article a) {
        return SyndicatedArticle.of(mapper.article(a), a.embargoedUntil != null && a.embargoedUntil.isAfter(Instant.now())
                ? a.embargoedUntil : null);
    }

    private UUID partner() {
        return caller.partnerId().orElseThrow(() -> new ForbiddenException("This token belongs to no partner."));
    }

    private static Instant instantOf(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
