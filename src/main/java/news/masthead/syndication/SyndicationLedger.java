package news.masthead.syndication;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;
import news.masthead.article.ArticleEvent;
import news.masthead.common.db.PipelineSql;
import news.masthead.common.time.Now;
import news.masthead.copyright.NoticeRightsChanged;
import news.masthead.section.SectionTreeChanged;

/**
 * Appends to each partner's change feed whenever what the partner may receive changes: an upsert
 * while the partner is entitled to the article, a removal when it stops being entitled after it
 * was delivered. An article a partner was never entitled to never appears in its feed, not even
 * as an id. Rows are written in the writer's transaction under an advisory lock held to commit,
 * so feed positions follow commit order (see {@link #LOCK}).
 */
@ApplicationScoped
public class SyndicationLedger {
    /** Writers take it exclusively just before appending; readers take it shared before reading. */
    public static final String LOCK = "hashtext('masthead.syndication_change')";

    /** What a partner may receive, as SQL over partner p, article a and its notice n. */
    static final String ENTITLED = """
            (a.status = 'published' and n.syndication <> 'none'
             and (n.syndication = 'partners'
                  or exists (select 1 from copyright_notice_partner np where np.notice_id = n.id and np.partner_id = p.id))
             and (cardinality(p.section_ids) = 0 or a.section_id in (select section_subtree(p.section_ids))))""";

    /** When the partner may see it: embargoed stories reach partners that take them at once. */
    static final String PARTNER_VISIBLE_FROM = "(case when p.receives_embargoed then a.published_at else a.visible_from end)";

    /**
     * Rows not yet effective (a scheduled story's upsert, waiting for its instant) are seen by no
     * partner: readers take only rows whose position has passed, under the shared lock. A re-judge
     * drops them and decides afresh, so a story cancelled before its time leaves no trace, not even
     * a removal for something the partner never received.
     *
     * <p>Pending means after the statement's instant ({@code %1$s}, the database's clock). The
     * statement reads only those rows, whatever the statistics say (it read a liveblog's whole
     * feed, one row per partner and entry: 1.8 ms of each entry write at 11,000 entries, under the
     * lock every writer shares, growing with every entry):
     * <ul>
     *   <li>It looks them up per partner and article (the lateral sub-select, kept as such by
     *       {@code offset 0}). Joined freely, PostgreSQL took a partner table it has never analyzed
     *       (a handful of rows, under autovacuum's threshold) for thousands of rows, and read the
     *       whole feed instead.</li>
     *   <li>Pending rows are also after the transaction's start ({@code %2$s}, never later than the
     *       clock), and that redundant bound is where the index scan starts, on
     *       {@code syndication_change_pending_idx (partner_id, article_id, effective_at)} (V66):
     *       the volatile {@code clock_timestamp()} can only filter.</li>
     * </ul>
     */
    private static final String DROP_PENDING = """
            delete from syndication_change c
            using partner p, article a
            join copyright_notice n on n.id = a.copyright_notice_id,
            lateral (select pc.seq from syndication_change pc
                     where pc.partner_id = p.id and pc.effective_at > %2$s and pc.article_id = a.id
                       and pc.effective_at > %1$s
                     offset 0) pending
            where c.seq = pending.seq and (%3$s)
            """;

    /** {@link #DROP_PENDING} for {@code scope}, with both of its bounds read from {@code clock}. */
    private static String dropPending(Now clock, String scope) {
        return DROP_PENDING.formatted(clock.sql("clock_timestamp()"), clock.sql("now()"), scope);
    }

    /**
     * The partner p received article a by the instant {@code at} (SQL): an upsert of it took effect
     * for the partner by then. A kill is told to every partner that did, even one whose copy was
     * already removed for another reason (unpublished, rights): a kill means no copy may remain.
     */
    static String received(String at) {
        return "exists (select 1 from syndication_change c where c.partner_id = p.id and c.article_id = a.id "
                + "and c.kind = 'upsert' and c.effective_at <= " + at + ")";
    }

    /** A kill: a removal with reason {@code killed} to every partner that received the story (see {@link #received}). */
    private static final String KILL = """
            insert into syndication_change (partner_id, article_id, kind, reason, effective_at)
            select p.id, a.id, 'removal', 'killed', %1$s
            from partner p cross join article a
            where a.id = :id and %2$s
            """;

    /**
     * Per partner and article in scope: what it holds is the kind of its last (effective) row. A
     * removal when it holds the story but may not have it now (rights lost, or no longer visible to
     * it yet); an upsert, at the instant it may see it, when it is entitled and does not hold it
     * (or, with force, the article itself changed).
     */
    private static final String APPEND = """
            insert into syndication_change (partner_id, article_id, kind, reason, effective_at)
            select p.id, a.id, k.kind, k.reason, k.at
            from partner p cross join article a join copyright_notice n on n.id = a.copyright_notice_id
            cross join lateral (select coalesce(%1$s, false) as entitled, %2$s as visible_from, %3$s as now,
                    (select c.kind from syndication_change c where c.partner_id = p.id and c.article_id = a.id
                     order by c.seq desc limit 1) as holds) j
            cross join lateral (values
                (1, 'removal', case when a.status = 'trashed' then 'trashed' when a.status = 'killed' then 'killed'
                                    when a.status <> 'published' then 'unpublished' else 'rights' end, j.now,
                 j.holds = 'upsert' and (not j.entitled or j.visible_from > j.now)),
                (2, 'upsert', null, greatest(j.now, j.visible_from),
                 j.entitled and (%5$s or j.visible_from > j.now or j.holds is distinct from 'upsert'))
            ) as k (ord, kind, reason, at, wanted)
            where (%4$s) and k.wanted
            order by k.ord
            """;

    private final EntityManager em;
    private final Now clock;

    SyndicationLedger(EntityManager em, Now clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Any accepted change of an article: entitled partners get the new state, others a removal if
     * they had it. Last of the pipeline's observers, since the lock it takes is every writer's and
     * is held until the commit.
     *
     * <p>A write to an article that is stored as published neither before nor after it (a draft,
     * unpublished or trashed article, and it stays so) cannot change any partner's feed, so it takes
     * no lock and appends nothing. Why that holds whatever runs concurrently:
     * <ul>
     *   <li>After such a write no partner is entitled: {@link #ENTITLED} requires
     *       {@code status = 'published'}.</li>
     *   <li>Nor does any partner's feed end in an upsert for it, which would call for a removal. An
     *       upsert is only ever appended while the article is published (ENTITLED again), and the
     *       write that took it out of published appended, under the lock, a removal after every
     *       upsert then committed: any later upsert would have had to see it still published.
     *       Rights changes ({@link #partnerRightsChanged}, {@link #noticeRightsChanged}) running
     *       concurrently read the article's committed row, unpublished before and after this
     *       write, so they append nothing for it either.</li>
     *   <li>"Before" is the row as the writer locked it ({@code FOR UPDATE}, the latest committed
     *       version), and nobody else can change its status until this write commits.</li>
     * </ul>
     * Drafts are most writes in a newsroom, and they no longer queue behind each other here.
     */
    void onArticleChange(@Observes @Priority(ArticleEvent.Order.LAST) ArticleEvent event) {
        if (event.kind() == ArticleEvent.Kind.KILLED) {
            // Also after an earlier removal: partners may keep unpublished stories in archives, and
            // a kill notice (reason "killed") tells them to delete those too. What was still pending
            // (a scheduled upsert) is dropped first, so nobody is told of a story it never had.
            lock();
            String now = clock.sql("clock_timestamp()");
            change(dropPending(clock, "a.id = :id")).setParameter("id", event.articleId()).executeUpdate();
            change(KILL.formatted(now, received(now))).setParameter("id", event.articleId()).executeUpdate();
            return;
        }
        if (!event.before().isPublished() && !event.after().isPublished()) {
            return;
        }
        rejudge("a.id = :id", true, event.articleId());
    }

    /** Rights changed for a partner (its sections, embargo rights): only what changes for it is appended. */
    public void partnerRightsChanged(UUID partnerId) {
        rejudge("p.id = :id", false, partnerId);
    }

    /** A notice's syndication or listed partners changed: every article under it is re-judged. */
    public void noticeRightsChanged(UUID noticeId) {
        rejudge("n.id = :id", false, noticeId);
    }

    void onNoticeRightsChanged(@Observes NoticeRightsChanged event) {
        noticeRightsChanged(event.noticeId());
    }

    /** A section moved: the articles below it, for every partner limited to sections. */
    void onSectionMoved(@Observes SectionTreeChanged event) {
        rejudge(MOVED_SUBTREE, false, event.sectionId());
    }

    private static final String MOVED_SUBTREE = "cardinality(p.section_ids) > 0 "
            + "and a.section_id in (select section_subtree(array[cast(:id as uuid)]))";

    /**
     * The statements that re-judge every partner and article in {@code scope} (SQL over partner p,
     * article a and notice n, with its own parameters), to run in this order in the writer's
     * transaction: the lock, dropping what is still pending, appending. For writers outside JPA
     * (the importers), which read the database's clock through {@code clock} ({@link Now#sql}).
     */
    public static List<String> rejudgeStatements(String scope, Now clock) {
        String now = clock.sql("clock_timestamp()");
        return List.of("select 1 from pg_advisory_xact_lock(" + LOCK + ")",
                dropPending(clock, scope),
                APPEND.formatted(ENTITLED, PARTNER_VISIBLE_FROM, now, scope, "false"));
    }

    private void rejudge(String scope, boolean force, UUID id) {
        lock();
        // Positions come from the database's clock (see Now#sql), so they follow commit order across instances.
        String now = clock.sql("clock_timestamp()");
        change(dropPending(clock, scope)).setParameter("id", id).executeUpdate();
        change(APPEND.formatted(ENTITLED, PARTNER_VISIBLE_FROM, now, scope, force)).setParameter("id", id).executeUpdate();
    }

    /**
     * Writes what the transaction has pending (the revision, webhook deliveries, ...), then takes
     * the lock every writer shares: nothing else is written while it is held, so the statements
     * after it need no flush of their own.
     */
    private void lock() {
        em.flush();
        PipelineSql.of(em, "select 1 from pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
    }

    private Query change(String sql) {
        return PipelineSql.of(em, sql, "syndication_change");
    }
}
