package news.masthead.copyright;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CopyrightNoticeRepository implements PanacheRepositoryBase<CopyrightNotice, UUID> {

    public Optional<CopyrightNotice> findDefault() {
        return find("isDefault", true).firstResultOptional();
    }

    /** The default notice, locked for this transaction so that two writers cannot both move it. */
    public Optional<CopyrightNotice> findDefaultForUpdate() {
        return find("isDefault", true).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Newest created first; {@code limit} rows after the given key (null for the first page). */
    public List<CopyrightNotice> newestPage(Instant afterCreatedAt, UUID afterId, int limit) {
        var query = afterId == null
                ? find("order by createdAt desc, id desc")
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                        afterCreatedAt, afterId);
        return query.page(0, limit).list();
    }
}
