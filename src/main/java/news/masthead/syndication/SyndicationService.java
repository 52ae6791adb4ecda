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
import java.util.Optional;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.article.Article;
import news.masthead.article.ArticleMapper;
import news.masthead.article.ArticleRepository;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.common.error.ForbiddenException;
import news.masthead.common.error.GoneException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.CursorParts;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageMeta;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.site.SiteConfig;
import news.masthead.common.site.Urns;
import news.masthead.common.time.Now;
import news.masthead.syndication.api.Change;
import news.masthead.syndication.api.ChangePage;
import news.masthead.feed.AtomWriter;
import news.masthead.feed.FeedEntry;
import news.masthead.feed.FeedService;
import news.masthead.feed.FeedHead;
import news.masthead.syndication.api.SyndicatedArticle;
import news.masthead.syndication.ninjs.BodyHtml;
import news.masthead.syndication.ninjs.NinjsDocument;
import news.masthead.syndication.ninjs.NinjsMapper;

/**
 * What a partner may receive. Rights are decided inside the queries ({@link SyndicationLedger#ENTITLED}),
 * never by filtering results afterwards, so a page can never hold what the partner may not see.
 */
@ApplicationScoped
public class SyndicationService {
    private static final String RECEIVABLE = SyndicationLedger.ENTITLED + " and "
            + SyndicationLedger.PARTNER_VISIBLE_FROM + " <= :now";
    private static final int FEED_SIZE = 50;
    private static final String FROM = " from article a join copyright_notice n on n.id = a.copyright_notice_id"
            + " cross join partner p where p.id = :partner and ";

    private final EntityManager em;
    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final Caller caller;
    private final NinjsMapper ninjsMapper;
    private final PartnerRepository partners;
    private final SiteConfig site;
    private final Now clock;

    SyndicationService(EntityManager em, ArticleRepository articles, ArticleMapper mapper, Caller caller,
                       NinjsMapper ninjsMapper, PartnerRepository partners, SiteConfig site, Now clock) {
        this.em = em;
        this.articles = articles;
        this.mapper = mapper;
        this.caller = caller;
        this.ninjsMapper = ninjsMapper;
        this.partners = partners;
        this.site = site;
        this.clock = clock;
    }

    /** Newest first, by publication time, in Masthead JSON or (format=ninjs) IPTC ninjs 2.2. */
    @Transactional
    public Page<?> list(String limit, String cursor, String format) {
        Format f = Format.parse(format);
        UUID partner = partner();
        Instant now = clock.instant();
        KeysetPage page = KeysetPage.parse(limit, cursor);
        String keyset = page.afterId() != null
                ? " and (a.published_at < :afterAt or (a.published_at = :afterAt and a.id < :afterId))" : "";
        var query = em.createNativeQuery("select a.id" + FROM + RECEIVABLE + keyset
                        + " order by a.published_at desc, a.id desc limit :n", UUID.class)
                .setParameter("partner", partner).setParameter("now", Timestamp.from(now))
                .setParameter("n", page.limit() + 1);
        if (page.afterId() != null) {
            query.setParameter("afterAt", Timestamp.from(page.afterAt())).setParameter("afterId", page.afterId());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        List<Article> rows = inOrder(ids);
        return Page.of(rows, page.limit(), a -> f == Format.NINJS ? ninjs(a, now) : syndicated(a, now),
                a -> KeysetPage.cursor(a.publishedAt, a.id));
    }

    /** The partner's full-text Atom feed: the newest stories it may receive, with bodies as syndicated. */
    @Transactional
    public byte[] atom() {
        Partner partner = partners.findById(partner());
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select a.id" + FROM + RECEIVABLE
                        + " order by a.published_at desc, a.id desc limit " + FEED_SIZE, UUID.class)
                .setParameter("partner", partner.id).setParameter("now", Timestamp.from(now)).getResultList();
        List<FeedEntry> entries = inOrder(ids).stream().map(this::entry).toList();
        String self = site.api("api/v1/syndication/feed.atom");
        Instant updated = entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        return AtomWriter.write(new FeedHead(self, site.name() + " for " + partner.name,
                "Full text of the stories " + partner.name + " may republish.", site.home(), self, updated, site.name(),
                null, site.language()), entries);
    }

    /**
     * One article the partner may receive. One it received and that was killed since is a 410, or in
     * ninjs the kill notice itself ({@code pubstatus: canceled}), an answer rather than an error, so
     * a pipeline polling by id sees the kill. A partner that never received it learns nothing, not
     * even that it existed: a 404 like any id.
     */
    @Transactional
    public Object get(UUID id, String format) {
        Format f = Format.parse(format);
        UUID partner = partner();
        Instant now = clock.instant();
        boolean receivable = !em.createNativeQuery("select a.id" + FROM + RECEIVABLE + " and a.id = :id", UUID.class)
                .setParameter("partner", partner).setParameter("now", Timestamp.from(now))
                .setParameter("id", id).getResultList().isEmpty();
        if (receivable) {
            Article a = articles.withRefs(List.of(id)).get(0);
            return f == Format.NINJS ? ninjs(a, now) : syndicated(a, now);
        }
        Object[] kill = killedAfterReceipt(partner, id)
                .orElseThrow(() -> new NotFoundException("No article you may receive has this id."));
        if (f == Format.NINJS) {
            return ninjsMapper.canceled(id, instantOf(kill[0]), instantOf(kill[1]));
        }
        throw new GoneException("This article was killed: remove every copy of it and do not republish it.");
    }

    /** Its first publication and its kill, if it was killed after this partner received it. */
    private Optional<Object[]> killedAfterReceipt(UUID partner, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.published_at, a.killed_at from article a cross join partner p "
                        + "where p.id = :partner and a.id = :id and a.status = 'killed' and "
                        + SyndicationLedger.received("a.killed_at"))
                .setParameter("partner", partner).setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * The partner's changes after the cursor, in order. The shared advisory lock waits out every
     * writer that has taken a position but not yet committed, so nothing can later appear before
     * a position this page hands out. Each article appears at its latest position only, and an
     * upsert carries the article as it is now.
     *
     * <p>"Now" here is the database's clock, as the ledger's positions are (they must follow commit
     * order across instances, so one clock hands them out), read through {@link Now#sql}: unchanged
     * in production; under a moved test clock both the positions written and this cutoff move by
     * the same amount, so a story whose embargo the moved clock has passed is in the change feed
     * exactly when the list and the article already show it, and later writes still come after it.
     */
    @Transactional
    public ChangePage changes(String limit, String cursor) {
        UUID partner = partner();
        PageRequest page = PageRequest.parse(limit, cursor, 2);
        em.createNativeQuery("select 1 from pg_advisory_xact_lock_shared(" + SyndicationLedger.LOCK + ")").getSingleResult();
        Timestamp now = Timestamp.from(instantOf(em.createNativeQuery("select " + clock.sql("clock_timestamp()"))
                .getSingleResult()));
        Instant afterAt = page.after().map(c -> CursorParts.instant(c.get(0))).orElse(Instant.EPOCH);
        long afterSeq = page.after().map(c -> CursorParts.number(c.get(1))).orElse(0L);
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
            long sequence = ((Number) r[0]).longValue();
            if ("removal".equals(r[2])) {
                changes.add(Change.removal(id, (String) r[3], sequence));
            } else if (current.containsKey(id)) {
                changes.add(Change.upsert(current.get(id), sequence));
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
        articles.withRefs(receivable).forEach(a -> byId.put(a.id, syndicated(a, now.toInstant())));
        return byId;
    }

    private List<Article> inOrder(List<UUID> ids) {
        Map<UUID, Article> byId = new HashMap<>();
        articles.withRefs(ids).forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).toList();
    }

    private SyndicatedArticle syndicated(Article a, Instant now) {
        return SyndicatedArticle.of(mapper.article(a), a.revision, embargo(a, now));
    }

    private NinjsDocument ninjs(Article a, Instant now) {
        return ninjsMapper.ninjs(mapper.article(a), embargo(a, now), now);
    }

    private FeedEntry entry(Article a) {
        ArticleResponse r = mapper.article(a);
        return new FeedEntry(Urns.article(a.id), r.headline(), site.articleUrl(r.slug()),
                r.updatedAt() != null ? r.updatedAt() : r.publishedAt(), r.publishedAt(), r.summary(),
                r.copyright().notice(), r.authors().stream().map(AuthorRef::name).toList(), List.of(),
                FeedEntry.Content.html(BodyHtml.syndication(r.body())), FeedService.image(r.leadImage()));
    }

    /** A still-running embargo; once it has passed the story is simply public. */
    private static Instant embargo(Article a, Instant now) {
        return a.embargoedUntil != null && a.embargoedUntil.isAfter(now) ? a.embargoedUntil : null;
    }

    enum Format {
        JSON, NINJS;

        static Format parse(String format) {
            if (format == null || format.equals("json")) {
                return JSON;
            }
            if (format.equals("ninjs")) {
                return NINJS;
            }
            throw new InvalidException("format", "must be json or ninjs");
        }
    }

    private UUID partner() {
        return caller.partnerId().orElseThrow(() -> new ForbiddenException("This token belongs to no partner."));
    }

    private static Instant instantOf(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
