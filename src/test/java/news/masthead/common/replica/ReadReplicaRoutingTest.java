package news.masthead.common.replica;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import news.masthead.testsupport.Articles;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.processes.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which reads go to the read replica. The "replica" here is the test database itself, reached
 * through a pool of its own whose sessions are read-only and named {@code masthead-replica}, so a
 * write sent there would fail and pg_stat_activity shows which pool ran a request's statements.
 * That replicas lag, and what the cache does about it, is {@link ReplicaPositionTest} and the
 * multi-process test's business.
 */
@QuarkusTest
@TestProfile(ReadReplicaRoutingTest.WithReplica.class)
class ReadReplicaRoutingTest {
    static final String REPLICA_APP = "masthead-replica";

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.\"replica\".jdbc.url", "${quarkus.datasource.jdbc.url}",
                    "quarkus.datasource.\"replica\".jdbc.additional-jdbc-properties.ApplicationName", REPLICA_APP,
                    "quarkus.datasource.\"replica\".jdbc.additional-jdbc-properties.options",
                    "-c default_transaction_read_only=on",
                    "masthead.read-replica.jdbc-url", "${quarkus.datasource.jdbc.url}",
                    // The content cache would answer repeated reads without any statement.
                    "masthead.content.cache.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    ReadReplica replica;

    @BeforeEach
    void replicaServes() {
        // The monitor reads both positions every 100 ms; a commit holds reads on the primary until then.
        Deadline.await(Duration.ofSeconds(10), "the replica serves public reads", replica::serves);
    }

    @Test
    void contentApiReadsAndFeedsGoToTheReplicaWhileWritesStayOnThePrimary() throws Exception {
        // Written through the primary: the replica's sessions are read-only, a write there would fail.
        Created a = Articles.article().published();
        replicaServes();
        for (String path : new String[] {"/api/v1/articles/" + a.slug(), "/api/v1/articles?tag=" + a.tag(),
                "/api/v1/feeds/atom", "/api/v1/sections", "/api/v1/authors"}) {
            Timestamp before = databaseNow();
            given().get(path).then().statusCode(200);
            assertTrue(replicaStatementsSince(before) > 0, path + " ran no statement on the replica");
        }
    }

    @Test
    void adminAndPreviewReadsStayOnThePrimary() throws Exception {
        Created a = Articles.article().published();
        replicaServes();
        for (String path : new String[] {a.adminPath(), "/api/v1/admin/articles?limit=5", "/api/v1/preview/articles/" + a.slug()}) {
            Timestamp before = databaseNow();
            admin().get(path).then().statusCode(200);
            assertEquals(0, replicaStatementsSince(before), path + " ran statements on the replica");
        }
    }

    @Test
    void lagIsInMetricsAndReadinessSaysWhereReadsGo() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("masthead_read_replica_lag_seconds"))
                .body(containsString("masthead_read_replica_lag_bytes"))
                .body(containsString("masthead_read_replica_serving"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("read-replica"))
                .body("checks.find { it.name == 'read-replica' }.data.state", equalTo("within-bound"))
                .body("checks.find { it.name == 'read-replica' }.data.behind", equalTo(false));
    }

    private Timestamp databaseNow() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select clock_timestamp()");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getTimestamp(1);
        }
    }

    /** Statements the replica pool's sessions started since {@code since} (the last one of each session counts). */
    private int replicaStatementsSince(Timestamp since) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from pg_stat_activity where application_name = ? and query_start >= ?")) {
            s.setString(1, REPLICA_APP);
            s.setTimestamp(2, since);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
