package news.masthead.webhook;

import static news.masthead.testsupport.Api.admin;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhooks made through the Admin API for tests, and a look at their outbox rows in the database. */
final class Hooks {
    static final String WEBHOOKS = "/api/v1/admin/webhooks";

    record Hook(String id, String secret) {
        String path() {
            return WEBHOOKS + "/" + id;
        }

        void delete() {
            admin().delete(path()).then().statusCode(204);
        }
    }

    record Row(UUID id, UUID eventId, String eventType, UUID articleId, String payload, String state, int attempts,
               Timestamp nextAttemptAt, Timestamp lockedUntil) {
    }

    private Hooks() {
    }

    /** An active webhook with a generated secret. */
    static Hook create(String url, String... events) {
        var r = admin().body(Map.of("url", url, "events", List.of(events))).post(WEBHOOKS)
                .then().statusCode(201).extract();
        return new Hook(r.path("id"), r.path("secret"));
    }

    static Hook create(Map<String, Object> body) {
        var r = admin().body(new HashMap<>(body)).post(WEBHOOKS).then().statusCode(201).extract();
        return new Hook(r.path("id"), r.path("secret"));
    }

    /** The outbox rows of one webhook, oldest first. */
    static List<Row> rows(AgroalDataSource db, String webhookId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, event_id, event_type, article_id, payload, state, attempts, next_attempt_at, locked_until "
                        + "from webhook_delivery where webhook_id = ? order by created_at, id")) {
            s.setObject(1, UUID.fromString(webhookId));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getInt(7),
                            rs.getTimestamp(8), rs.getTimestamp(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
