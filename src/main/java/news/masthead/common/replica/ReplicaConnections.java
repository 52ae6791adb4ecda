package news.masthead.common.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The pool behind each tenant id {@link ReplicaTenants} answers: the default datasource, or the
 * {@code replica} one. Quarkus's own resolver looks every tenant up as a named datasource, which
 * the default datasource is not; and the replica's pool is only looked up once a read goes there,
 * so without a replica configured it is never touched.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReplicaConnections implements TenantConnectionResolver {
    private final Instance<AgroalDataSource> primary;
    private final Instance<AgroalDataSource> replica;

    ReplicaConnections(Instance<AgroalDataSource> primary,
                       @DataSource(ReplicaTenants.REPLICA) Instance<AgroalDataSource> replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new QuarkusConnectionProvider(ReplicaTenants.REPLICA.equals(tenantId) ? replica.get() : primary.get());
    }
}
