package news.masthead.common.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * A read-only native statement run on the session's own JDBC connection, without Hibernate's
 * query machinery: for the hottest public reads (stored documents, issue #19), where building the
 * native query, its parameter metadata and the result-set mapping cost more Java than the row.
 *
 * <p>The statement still goes through the session's {@link JdbcCoordinator}: the same connection
 * (so the datasource the session chose, primary or replica), the statement inspector (the tests'
 * statement counts), and the connection's release after the statement when no transaction holds
 * it. Not for the write pipeline: nothing is flushed first.
 */
public final class DirectReads {
    private DirectReads() {
    }

    /** What a caller makes of one row; it must not keep {@code row} past the call. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql}, whose parameters are written {@code :name} (a collection value expands to
     * one placeholder per element, as Hibernate expands it), and reads every row with {@code read}.
     */
    public static <T> List<T> query(EntityManager em, String sql, Map<String, ?> params, RowReader<T> read) {
        List<Object> values = new ArrayList<>();
        String jdbcSql = positional(sql, params, values);
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(jdbcSql);
        try {
            bind(statement, values);
            ResultSet rows = jdbc.getResultSetReturn().extract(statement, jdbcSql);
            try {
                return readAll(rows, read);
            } finally {
                jdbc.getLogicalConnection().getResourceRegistry().release(rows, statement);
            }
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read", jdbcSql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * The same statement on a connection of {@code source} taken for it alone, outside any
     * Hibernate session or transaction: for a read that is answered before the JAX-RS pipeline
     * (and so has no request-scoped session to borrow). {@code inspector} is the persistence unit's
     * statement inspector (null: none), applied as a session would apply it.
     */
    public static <T> List<T> query(DataSource source, StatementInspector inspector, String sql, Map<String, ?> params,
                                    RowReader<T> read) {
        List<Object> values = new ArrayList<>();
        String jdbcSql = positional(sql, params, values);
        if (inspector != null) {
            jdbcSql = inspector.inspect(jdbcSql);
        }
        try (Connection connection = source.getConnection();
             PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                return readAll(rows, read);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read: " + jdbcSql, e);
        }
    }

    /**
     * {@code sql} with each {@code :name} replaced by JDBC's {@code ?} (one per element of a
     * collection), the values appended to {@code values} in order. String literals, quoted names
     * and {@code ::} casts are left alone.
     */
    static String positional(String sql, Map<String, ?> params, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated quote in " + sql);
                }
                out.append(sql, i, end + 1);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> many) {
                    if (many.isEmpty()) {
                        throw new IllegalArgumentException(":" + name + " is an empty collection");
                    }
                    for (int k = 0; k < many.size(); k++) {
                        out.append(k == 0 ? "?" : ", ?");
                    }
                    values.addAll(many);
                } else {
                    out.append('?');
                    values.add(value);
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, jdbcValue(values.get(i)));
        }
    }

    private static <T> List<T> readAll(ResultSet rows, RowReader<T> read) throws SQLException {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
            result.add(read.read(rows));
        }
        return result;
    }

    /** An Instant as the driver takes a timestamptz (pgjdbc's setObject has no Instant). */
    private static Object jdbcValue(Object value) {
        return value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }
}
