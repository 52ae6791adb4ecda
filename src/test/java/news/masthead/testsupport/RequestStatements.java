package news.masthead.testsupport;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements prepared on the thread that serves a request marked with
 * {@link #HEADER}, and no others. Hibernate's statistics count every thread's statements, and the
 * purge worker, the event stream and the scheduled jobs run theirs whenever they like: a budget
 * measured with them is a flaky budget. {@link RequestStatementsFilter} marks the thread; a read
 * answered before the pipeline (the front door's stored reads) is marked on its Vert.x context by
 * {@link RequestStatementsRoute}.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class RequestStatements implements StatementInspector {
    public static final String HEADER = "X-Test-Count-Statements";

    private static final ThreadLocal<Boolean> MARKED = ThreadLocal.withInitial(() -> false);
    private static final AtomicLong COUNT = new AtomicLong();

    @Override
    public String inspect(String sql) {
        if (MARKED.get() || RequestStatementsRoute.marked()) {
            COUNT.incrementAndGet();
        }
        return sql;
    }

    static void mark(boolean marked) {
        MARKED.set(marked);
    }

    static void reset() {
        COUNT.set(0);
    }

    static long count() {
        return COUNT.get();
    }
}
