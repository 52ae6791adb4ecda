package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import news.masthead.testsupport.Articles.Created;
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

        purge.purge(Instant.now());
        admin().get(trashed.adminPath()).then().statusCode(200);

        long purged = purge.purge(Instant.now().plus(Duration.ofDays(31)));
        assertTrue(purged >= 1);
        admin().get(trashed.adminPath()).then().statusCode(404);
        admin().get(trashed.adminPath() + "/revisions").then().statusCode(404);
        admin().get(kept.adminPath()).then().statusCode(200);
    }
}
