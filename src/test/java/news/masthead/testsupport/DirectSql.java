package news.masthead.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC to the test database, outside Masthead's pool and transactions: for tests that look at
 * what PostgreSQL does with a statement (its plan) on data they insert and roll back.
 */
public final class DirectSql {
    private DirectSql() {
    }

    /** A connection of its own, with the datasource's URL and credentials. */
    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** {@code explain (options) sql}, its lines joined; {@code options} empty for a plain EXPLAIN. */
    public static String explain(Statement s, String options, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet r = s.executeQuery("explain " + (options.isEmpty() ? "" : "(" + options + ") ") + sql)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
