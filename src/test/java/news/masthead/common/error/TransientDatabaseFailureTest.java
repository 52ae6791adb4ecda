package news.masthead.common.error;

import static news.masthead.testsupport.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import news.masthead.testsupport.Articles;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.ShortFuses;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/**
 * A write that loses to a concurrent transaction is a 409 or a 503 with Retry-After, never a 500.
 * Each failure is produced by real transactions on the test's PostgreSQL: a row held past
 * lock_timeout (through the HTTP API, end to end), a deadlock and a serialization failure (between
 * two connections of the test, their exceptions then answered by {@link ProblemMapper}).
 */
@QuarkusTest
@TestProfile(ShortFuses.class)
class TransientDatabaseFailureTest {
    @Inject
    DataSource db;

    @Inject
    ObjectMapper json;

    @Test
    void aWriteWaitingPastLockTimeoutIsA503WithRetryAfterAndSavesNothing() throws Exception {
        Created a = Articles.article().draft();
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from article where id = ? for update")) {
                lock.setObject(1, UUID.fromString(a.id()));
                lock.executeQuery().close();
            }
            admin().header("If-Match", a.etag()).body(Map.of("headline", "Changed while locked"))
                    .patch(a.adminPath()).then()
                    .statusCode(503).contentType(Problems.JSON)
                    .header("Retry-After", equalTo(Integer.toString(ProblemMapper.LOCK_RETRY_SECONDS)))
                    .body("type", equalTo("urn:masthead:problem:lock-timeout"))
                    .body("status", equalTo(503));
            holder.rollback();
        }
        // Nothing was saved, and the same request goes through once the row is free.
        admin().get(a.adminPath()).then().statusCode(200).body("headline", equalTo("Headline for " + a.slug()));
        admin().header("If-Match", a.etag()).body(Map.of("headline", "Changed after the lock"))
                .patch(a.adminPath()).then().statusCode(200).body("headline", equalTo("Changed after the lock"));
    }

    @Test
    void aDeadlockVictimIsA409WithRetryAfter() throws Exception {
        SQLException deadlock = deadlockBetweenTwoTransactions();
        assertEquals("40P01", deadlock.getSQLState());
        assertConflict(mapper().unexpected(asHibernateThrowsIt(deadlock)));
    }

    @Test
    void aSerializationFailureIsA409WithRetryAfter() throws Exception {
        SQLException failure = serializationFailureBetweenTwoTransactions();
        assertEquals("40001", failure.getSQLState());
        assertConflict(mapper().unexpected(asHibernateThrowsIt(failure)));
    }

    private void assertConflict(Response answer) throws Exception {
        assertEquals(409, answer.getStatus());
        assertEquals(Problems.JSON, answer.getMediaType().toString());
        assertEquals(Integer.toString(ProblemMapper.CONFLICT_RETRY_SECONDS), answer.getHeaderString("Retry-After"));
        JsonNode body = json.readTree((byte[]) answer.getEntity());
        assertEquals("urn:masthead:problem:write-conflict", body.path("type").asText());
        assertEquals(409, body.path("status").asInt());
    }

    /** As it reaches the mapper from a repository: a JPA exception around Hibernate's around the driver's. */
    private static RuntimeException asHibernateThrowsIt(SQLException e) {
        return new jakarta.persistence.PersistenceException(new LockAcquisitionException("could not execute statement", e, "update …"));
    }

    private ProblemMapper mapper() {
        ProblemMapper mapper = new ProblemMapper();
        mapper.json = json;
        return mapper;
    }

    /** Two transactions each holding an advisory lock the other asks for; PostgreSQL aborts one. */
    private SQLException deadlockBetweenTwoTransactions() throws Exception {
        long first = ThreadLocalRandom.current().nextLong();
        long second = first + 1;
        try (Connection a = transaction(); Connection b = transaction()) {
            lock(a, first);
            lock(b, second);
            CompletableFuture<SQLException> aWaits = CompletableFuture.supplyAsync(() -> failureOf(() -> lock(a, second)));
            SQLException bFailure = failureOf(() -> lock(b, first));
            SQLException aFailure = aWaits.get(30, TimeUnit.SECONDS);
            a.rollback();
            b.rollback();
            SQLException victim = bFailure != null ? bFailure : aFailure;
            assertNotNull(victim, "one of the two was aborted");
            assertTrue(bFailure == null || aFailure == null, "only one of the two was aborted");
            return victim;
        }
    }

    /** Repeatable read: the first transaction updates a row the second changed after the first's snapshot. */
    private SQLException serializationFailureBetweenTwoTransactions() throws Exception {
        UUID section = UUID.fromString(Fixtures.createSection(null).getString("id"));
        try (Connection first = transaction(); Connection second = transaction()) {
            first.createStatement().execute("set transaction isolation level repeatable read");
            update(first, "select position from section where id = ?", section);
            update(second, "update section set position = position where id = ?", section);
            second.commit();
            SQLException failure = failureOf(() -> update(first, "update section set position = position where id = ?", section));
            first.rollback();
            assertNotNull(failure, "the first transaction could not serialize");
            return failure;
        }
    }

    /** A connection of the pool with no lock_timeout, so PostgreSQL's deadlock detector gets to act. */
    private Connection transaction() throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set lock_timeout = 0");
        }
        return c;
    }

    private static void lock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            s.executeQuery().close();
        }
    }

    private static void update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.execute();
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException failureOf(SqlAction action) {
        try {
            action.run();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }
}
