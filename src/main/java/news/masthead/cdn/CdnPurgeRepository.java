package news.masthead.cdn;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CdnPurgeRepository implements PanacheRepositoryBase<CdnPurge, Long> {
}
