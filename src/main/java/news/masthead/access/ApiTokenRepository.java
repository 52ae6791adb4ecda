package news.masthead.access;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    public Optional<ApiToken> findBySecretHash(String hash) {
        return find("secretHash", hash).firstResultOptional();
    }

    public List<ApiToken> pageByCreated(java.time.Instant afterCreatedAt, UUID afterId, int limit) {
        var query = afterId == null
                ? find("order by createdAt desc, id desc")
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc", afterCreatedAt, afterId);
        return query.page(0, limit + 1).list();
    }
}
