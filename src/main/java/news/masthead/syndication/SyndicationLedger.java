package news.masthead.syndication;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import news.masthead.article.ArticleEvent;
import news.masthead.common.time.Now;
import news.masthead.copyright.NoticeRightsChanged;

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

    private static final String LAST_KIND = "(select c.kind from syndication_change c where c.partner_id = p.id "
            + "and c.article_id = a.id order by c.seq desc limit 1)";

    private static final String APPEND = """
            insert into syndication_change (partner_id, article_id, kind, reason, effective_at)
            select p.id, a.id,
                   case when %1$s then 'upsert' else 'removal' end,
                   case when %1$s then null when a.status = 'trashed' then 'trashed'
                        when a.status <> 'published' then 'unpublished' else 'rights' end,
                   case when %1$s then greatest(%5$s, %2$s) else %5$s end
            from partner p cross join article a join copyright_notice n on n.id = a.copyright_notice_id
            where %3$s and (%4$s)
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
        if (!event.before().isPublished() && !event.after().isPublished()) {
            return;
        }
        append("a.id = :id", ENTITLED + " or " + LAST_KIND + " = 'upsert'", event.articleId());
    }

    /** Rights changed for a partner (its sections, embargo rights): only what changes for it is appended. */
    public void partnerRightsChanged(UUID partnerId) {
        append("p.id = :id", changedOnly(), partnerId);
    }

    /** A notice's syndication or listed partners changed: every article under it is re-judged. */
    public void noticeRightsChanged(UUID noticeId) {
        append("n.id = :id", changedOnly(), noticeId);
    }

    void onNoticeRightsChanged(@Observes NoticeRightsChanged event) {
        noticeRightsChanged(event.noticeId());
    }

    private static String changedOnly() {
        return "(" + ENTITLED + " and " + LAST_KIND + " is distinct from 'upsert') or (not " + ENTITLED + " and "
                + LAST_KIND + " = 'upsert')";
    }

    private void append(String scope, String condition, UUID id) {
        em.flush();
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        // Positions come from the database's clock (see Now#sql), so they follow commit order across instances.
        em.createNativeQuery(APPEND.formatted(ENTITLED, PARTNER_VISIBLE_FROM, scope, condition, clock.sql("clock_timestamp()")))
                .setParameter("id", id).executeUpdate();
    }
}
