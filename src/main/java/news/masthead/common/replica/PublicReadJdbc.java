package news.masthead.common.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import news.masthead.common.db.DirectReads;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * A {@link ReplicaRead public read} run without a Hibernate session, for reads answered before
 * the JAX-RS pipeline (no request context, so no session to borrow). The pool is chosen by the
 * rule {@link ReplicaTenants} applies to sessions: the replica while {@link ReadReplica#serves()},
 * else the primary; statements pass the persistence unit's statement inspector as a session's do.
 */
@ApplicationScoped
public class PublicReadJdbc {
    private final ReadReplica replica;
    private final Instance<AgroalDataSource> primaryPool;
    private final Instance<AgroalDataSource> replicaPool;
    private final StatementInspector inspector;

    PublicReadJdbc(ReadReplica replica, Instance<AgroalDataSource> primaryPool,
                   @DataSource(ReplicaTenants.REPLICA) Instance<AgroalDataSource> replicaPool, SessionFactory sessions) {
        this.replica = replica;
        this.primaryPool = primaryPool;
        this.replicaPool = replicaPool;
        this.inspector = sessions.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions()
                .getStatementInspector();
    }

    /** {@link DirectReads#query(javax.sql.DataSource, StatementInspector, String, Map, DirectReads.RowReader)} on the public read's pool. */
    public <T> List<T> query(String sql, Map<String, ?> params, DirectReads.RowReader<T> read) {
        AgroalDataSource pool = replica.serves() ? replicaPool.get() : primaryPool.get();
        return DirectReads.query(pool, inspector, sql, params, read);
    }
}
