package news.masthead.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import news.masthead.article.ArticleRepository;
import news.masthead.common.db.PipelineSql;
import news.masthead.common.time.Now;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * The stream's log in PostgreSQL (V51, V52). Positions follow commit order without a lock: a reader
 * reads only rows written by transactions older than every one still running
 * ({@code pg_snapshot_xmin}), so a row can never commit behind a position already passed.
 */
@ApplicationScoped
// Called from a thread of its own, outside any request: Hibernate sessions choose their datasource
// (primary or read replica, see ReplicaTenants) in the CDI request context, so this activates one.
@ActivateRequestContext
public class StreamLog {
    /** Writers notify it on commit; the cache's listener connection listens to it too. */
    public static final String CHANNEL = "masthead_stream";
    private static final String SETTLED = "e.tx < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String AFTER = "(e.tx, e.seq) > (cast(cast(:tx as text) as xid8), :seq)";
    private static final String READ = "select cast(e.tx as text), e.seq, e.kind, e.audience, e.article_id, e.slug, s.slug, "
            + "e.section_id, e.owner_token_id, e.at, e.entry_id from stream_event e left join section s on s.id = e.section_id where ";

    private final EntityManager em;
    private final Now clock;

    StreamLog(EntityManager em, Now clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * In the writer's transaction: one event about the article as that transaction leaves it, and
     * the liveblog entry it is about ({@code entry}, null for most).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void append(UUID article, String kind, boolean publicEvent, Instant at, UUID entry) {
        // One round trip: the row, and the notification that wakes every instance's hub at the commit.
        PipelineSql.of(em, "with e as (insert into stream_event (kind, audience, article_id, slug, section_id, owner_token_id, "
                        + "at, entry_id) select :kind, :audience, a.id, a.slug, a.section_id, a.owner_token_id, :at, "
                        + "cast(:entry as uuid) from article a where a.id = :id returning 1) "
                        + "select cast(pg_notify(:channel, '') as text) from e", "stream_event")
                .setParameter("kind", kind).setParameter("audience", publicEvent ? "public" : "preview")
                .setParameter("at", at).setParameter("entry", entry == null ? null : entry.toString())
                .setParameter("id", article).setParameter("channel", CHANNEL).getResultList();
    }

    /** In the writer's transaction: when the article turns public with no write, or null when it will not. */
    @Transactional(Transactional.TxType.MANDATORY)
    void due(UUID article, Instant visibleFrom) {
        if (visibleFrom == null) {
            em.createNativeQuery("delete from stream_due where article_id = :id").setParameter("id", article).executeUpdate();
        } else {
            em.createNativeQuery("insert into stream_due (article_id, visible_from) values (:id, :at) "
                    + "on conflict (article_id) do update set visible_from = excluded.visible_from")
                    .setParameter("id", article).setParameter("at", visibleFrom).executeUpdate();
        }
    }

    /**
     * Announces the scheduled articles that have turned public: each due row is taken by one
     * instance only ({@code delete ... returning}) and becomes {@code article.published} if the one
     * visibility predicate says the public sees the article now.
     */
    @Transactional
    public int announceDue() {
        Instant now = clock.instant();
        int announced = em.createNativeQuery("with due as (delete from stream_due where visible_from <= :now returning article_id) "
                        + "insert into stream_event (kind, audience, article_id, slug, section_id, owner_token_id, at) "
                        + "select 'article.published', 'public', a.id, a.slug, a.section_id, a.owner_token_id, a.visible_from "
                        + "from due join article a on a.id = due.article_id where " + ArticleRepository.visibleSql("a", ":now"))
                .setParameter("now", now).executeUpdate();
        if (announced > 0) {
            em.createNativeQuery("select cast(pg_notify(:channel, '') as text)").setParameter("channel", CHANNEL).getSingleResult();
        }
        return announced;
    }

    /**
     * What one wake of the hub reads, in one transaction: with {@code announce}, the announcements
     * of what fell due ({@link #announceDue}) first; then the settled events after {@code after}
     * (at most {@code limit}), and, when that was all of them, whether others wait behind a
     * transaction still running.
     */
    @Transactional
    public Read read(Position after, int limit, boolean announce) {
        if (announce) {
            announceDue();
        }
        List<StreamEvent> events = after(after, limit);
        boolean unsettled = events.size() < limit
                && unsettled(events.isEmpty() ? after : events.get(events.size() - 1).position());
        return new Read(events, unsettled);
    }

    /** Settled events in position order; {@code unsettled}: more have committed behind an older transaction. */
    public record Read(List<StreamEvent> events, boolean unsettled) {
    }

    /** The last settled position: where a new instance starts. */
    @Transactional
    public Position tip() {
        List<?> rows = em.createNativeQuery("select cast(e.tx as text), e.seq from stream_event e where " + SETTLED
                + " order by e.tx desc, e.seq desc limit 1").getResultList();
        if (rows.isEmpty()) {
            return Position.START;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Position(Long.parseLong((String) r[0]), ((Number) r[1]).longValue());
    }

    /** Settled events after {@code after}, at most {@code limit}, in position order. */
    @Transactional
    public List<StreamEvent> after(Position after, int limit) {
        return read(em.createNativeQuery(READ + AFTER + " and " + SETTLED + " order by e.tx, e.seq limit " + limit), after);
    }

    /** Events after {@code after} up to {@code upTo} included: what a resuming subscriber missed. */
    @Transactional
    public List<StreamEvent> between(Position after, Position upTo, int limit) {
        return read(em.createNativeQuery(READ + AFTER + " and (e.tx, e.seq) <= (cast(cast(:toTx as text) as xid8), :toSeq) "
                        + "order by e.tx, e.seq limit " + limit)
                .setParameter("toTx", Long.toString(upTo.tx())).setParameter("toSeq", upTo.seq()), after);
    }

    /** Whether events have committed that wait for an older transaction still running. */
    @Transactional
    public boolean unsettled(Position after) {
        return !em.createNativeQuery("select 1 from stream_event e where " + AFTER + " and not " + SETTLED + " limit 1")
                .setParameter("tx", Long.toString(after.tx())).setParameter("seq", after.seq()).getResultList().isEmpty();
    }

    /** Whether {@code position} is an event of the last {@code window}: a subscriber there may resume. */
    @Transactional
    public boolean resumable(Position position, Duration window) {
        return !em.createNativeQuery("select 1 from stream_event e where e.tx = cast(cast(:tx as text) as xid8) "
                        + "and e.seq = :seq and e.at >= :since")
                .setParameter("tx", Long.toString(position.tx())).setParameter("seq", position.seq())
                .setParameter("since", clock.instant().minus(window)).getResultList().isEmpty();
    }

    /** The section with this slug and its subsections, or empty if there is none. */
    @Transactional
    public Optional<Set<UUID>> sectionTree(String slug) {
        List<?> ids = em.createNativeQuery("select cast(x as text) from section_subtree(array(select id from section "
                + "where slug = :slug)) x").setParameter("slug", slug).getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(ids.stream().map(id -> UUID.fromString((String) id)).collect(Collectors.toSet()));
    }

    /** Forgets events older than {@code keep}. */
    @Transactional
    public int forget(Duration keep) {
        return em.createNativeQuery("delete from stream_event where at < :before")
                .setParameter("before", clock.instant().minus(keep)).executeUpdate();
    }

    private static List<StreamEvent> read(jakarta.persistence.Query q, Position after) {
        List<?> rows = q.setParameter("tx", Long.toString(after.tx())).setParameter("seq", after.seq()).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new StreamEvent(new Position(Long.parseLong((String) r[0]), ((Number) r[1]).longValue()), (String) r[2],
                    "public".equals(r[3]), (UUID) r[4], (String) r[5], (String) r[6], (UUID) r[7], (UUID) r[8],
                    instant(r[9]), (UUID) r[10]);
        }).toList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
