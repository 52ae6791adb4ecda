package news.masthead.copyright;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CopyrightNoticeRepository implements PanacheRepositoryBase<CopyrightNotice, UUID> {

    public Optional<CopyrightNotice> findDefault() {
        return find("isDefault", true).firstResultOptional();
    }
}
