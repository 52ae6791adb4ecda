package news.masthead.syndication;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import news.masthead.testsupport.Articles.Created;
import org.junit.jupiter.api.Test;

/**
 * The partners' change feed lock ({@link SyndicationLedger#LOCK}) serializes every writer that
 * takes it. Writes that cannot change what partners see must not take it; the rest must.
 * Here a session of the test holds the lock, and the writes either finish or wait for it.
 */
@QuarkusTest
class LedgerLockTest {
    @Inject
    DataSource dataSource;

    @Test
    void draftEditsDoNotWaitForThePartnerFeedLockButEditsOfPublishedArticlesDo() throws Exception {
        Created draft = article().draft();
        Created unpublished = article().published();
        admin().header("If-Match", unpublished.etag()).post(unpublished.adminPath() + "/unpublish").then().statusCode(200);
        Created live = article().published();

        try (Connection holder = dataSource.getConnection(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(" + SyndicationLedger.LOCK + ")");
            try {
                // Finish while the lock is held: neither was published before nor is after.
                assertEquals(200, patch(draft, draft.etag()).get(30, TimeUnit.SECONDS));
                assertEquals(200, patch(unpublished, unpublished.currentEtag()).get(30, TimeUnit.SECONDS));

                CompletableFuture<Integer> liveEdit = patch(live, live.etag());
                assertTrue(waitsForAdvisoryLock(s), "an edit of a published article waits for the feed lock");
                assertFalse(liveEdit.isDone());
                s.execute("select pg_advisory_unlock(" + SyndicationLedger.LOCK + ")");
                assertEquals(200, liveEdit.get(30, TimeUnit.SECONDS));
            } finally {
                s.execute("select pg_advisory_unlock_all()");
            }
        }
    }

    private static CompletableFuture<Integer> patch(Created a, String etag) {
        return CompletableFuture.supplyAsync(() -> admin().header("If-Match", etag)
                .body(Map.of("summary", "Edited while the feed lock is held.")).patch(a.adminPath()).statusCode());
    }

    /** Polls until another backend waits for an advisory lock (10 s at most). */
    private static boolean waitsForAdvisoryLock(Statement s) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'Lock' and wait_event = 'advisory' and pid <> pg_backend_pid()")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }
}
