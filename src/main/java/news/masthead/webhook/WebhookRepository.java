package news.masthead.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.common.db.PipelineSql;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    /** Newest first; {@code limit + 1} rows so the caller can tell whether more follow. */
    public List<Webhook> pageByCreated(Instant afterCreatedAt, UUID afterId, int limit) {
        var query = afterId == null
                ? find("order by createdAt desc, id desc")
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                        afterCreatedAt, afterId);
        return query.page(0, limit + 1).list();
    }

    /**
     * The active subscriptions to {@code type}, share-locked by key until the commit: a webhook
     * deleted meanwhile is either gone from this list or waits for this transaction. In id order,
     * so two writers lock them in the same order.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> lockSubscribers(WebhookEventType type) {
        return PipelineSql.of(getEntityManager(), "select id from webhook "
                        + "where active and cast(:type as text) = any(events) order by id for key share")
                .setParameter("type", type.wire())
                .getResultList();
    }
}
