package news.masthead.common.replica;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses the datasource of each Hibernate session as it opens (Hibernate ORM's DATABASE
 * multitenancy, with the tenant id naming the datasource): the replica for a {@link ReplicaRead}
 * while {@link ReadReplica#serves()} says so, the primary for everything else. Repositories, the
 * visibility predicate and the statements are the same either way.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReplicaTenants implements TenantResolver {
    /** The datasource name of the replica, {@code quarkus.datasource."replica".*}. */
    public static final String REPLICA = "replica";

    private final ReadReplica replica;

    ReplicaTenants(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public String getDefaultTenantId() {
        return DataSourceUtil.DEFAULT_DATASOURCE_NAME;
    }

    @Override
    public String resolveTenantId() {
        return ReplicaReadInterceptor.inPublicRead() && replica.serves() ? REPLICA : DataSourceUtil.DEFAULT_DATASOURCE_NAME;
    }
}
