package news.masthead.common.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

/**
 * A native statement of an observer of the article write pipeline (or of another writer that has
 * flushed what it changed before it runs this).
 *
 * <p>Before a native statement Hibernate otherwise flushes automatically: it dirty-checks every
 * entity of the session, since it cannot know what the SQL reads, and after an update it also
 * drops the cached state of every entity type, since it cannot know what the SQL wrote. In a
 * liveblog entry write that was about a third of Masthead's CPU (JFR over
 * {@code bench/liveblog.sh}): a dozen statements, each checking the article and everything
 * loaded with it again. The pipeline does not need it: the writer flushes the article before it
 * fires the event, and no observer's SQL reads what another persists (an observer that must write
 * its entities first, before a lock, flushes explicitly, as the syndication ledger does).
 */
public final class PipelineSql {
    private PipelineSql() {
    }

    /**
     * {@code sql} run without an automatic flush; {@code writes}: the tables an update writes,
     * whose cached entities alone are then stale (none for a query or a function call).
     */
    public static Query of(EntityManager em, String sql, String... writes) {
        Query q = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
        NativeQuery<?> nativeQuery = q.unwrap(NativeQuery.class);
        for (String table : writes) {
            nativeQuery.addSynchronizedQuerySpace(table);
        }
        return q;
    }
}
