package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrashPurgeTest {
    @Inject
    TrashPurge purge;

    @Test
    void articlesTrashedLongerThanTheRetentionArePurgedWithTheirRevisions() {
        Created trashed = article().draft();
        admin().header("If-Match", trashed.etag()).delete(trashed.adminPath()).then().statusCode(204);
        Created kept = article().draft();

        purge.purge();
        admin().get(trashed.adminPath()).then().statusCode(200);

        // What the scheduled job does, a day after the default retention of 30 days has passed.
        TestClock.get().advance(Duration.ofDays(31));
        long purged = purge.purge();
        assertTrue(purged >= 1);
        admin().get(trashed.adminPath()).then().statusCode(404);
        admin().get(trashed.adminPath() + "/revisions").then().statusCode(404);
        admin().get(kept.adminPath()).then().statusCode(200);
    }
}
