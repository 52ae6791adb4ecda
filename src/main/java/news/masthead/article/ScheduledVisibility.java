package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import news.masthead.common.cache.ChangeListener;

/**
 * When content changes with no write: the next instant at which a published article's
 * visible_from passes, making it visible under {@link ArticleRepository#VISIBLE}. Plain JDBC
 * because it runs on the cache listener's own connection, never inside a request.
 */
@ApplicationScoped
public class ScheduledVisibility implements ChangeListener.NextDue {
    @Override
    public Instant after(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select min(visible_from) from article where status = 'published' and visible_from > ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                OffsetDateTime due = r.getObject(1, OffsetDateTime.class);
                return due == null ? null : due.toInstant();
            }
        }
    }
}
