package news.masthead.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, DeliveryAttempt.Key> {

    /** One webhook's attempts, newest first; {@code limit + 1} rows. {@code after} is null on the first page. */
    public List<DeliveryAttempt> page(UUID webhookId, Instant afterAt, DeliveryAttempt.Key after, int limit) {
        String order = " order by at desc, key.deliveryId desc, key.attempt desc";
        if (after == null) {
            return find("webhookId = :w" + order, Parameters.with("w", webhookId)).page(0, limit + 1).list();
        }
        return find("webhookId = :w and (at < :at or (at = :at and (key.deliveryId < :d "
                        + "or (key.deliveryId = :d and key.attempt < :n))))" + order,
                Parameters.with("w", webhookId).and("at", afterAt).and("d", after.deliveryId()).and("n", after.attempt()))
                .page(0, limit + 1).list();
    }
}
