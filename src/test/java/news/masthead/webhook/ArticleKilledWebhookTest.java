package news.masthead.webhook;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.Articles.Created;
import news.masthead.webhook.Hooks.Hook;
import news.masthead.webhook.Hooks.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleKilledWebhookTest {
    @Inject
    DeliveryWorker worker;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resumeTheWorker() {
        worker.resume();
    }

    private static void kill(Created a) {
        admin().header("If-Match", a.currentEtag()).body(Map.of("reason", "Legal."))
                .post(a.adminPath() + "/kill").then().statusCode(200);
    }

    @Test
    void killIsArticleKilledForItsSubscribersWhateverTheStatusWas() throws Exception {
        worker.pause();
        Hook killed = Hooks.create("https://hooks.example.com/killed", "article.killed");
        Hook published = Hooks.create("https://hooks.example.com/published", "article.published");
        try {
            Created live = article().published();
            Created draft = article().draft();
            kill(live);
            kill(draft);

            List<Row> rows = Hooks.rows(db, killed.id());
            assertEquals(List.of("article.killed", "article.killed"), rows.stream().map(Row::eventType).toList());
            JsonNode payload = new ObjectMapper().readTree(rows.get(0).payload());
            assertEquals("article.killed", payload.get("type").asText());
            assertEquals(live.id(), payload.at("/article/id").asText());
            assertEquals("killed", payload.at("/article/status").asText());
            assertEquals(1, Hooks.rows(db, published.id()).size(), "only the publish of the live article");
        } finally {
            killed.delete();
            published.delete();
        }
    }

    @Test
    void killingAScheduledArticleWithdrawsItsAnnouncedPublication() {
        worker.pause();
        Hook hook = Hooks.create("https://hooks.example.com/all", "article.published", "article.killed");
        try {
            Created a = article().draft();
            admin().header("If-Match", a.etag()).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                    .post(a.adminPath() + "/publish").then().statusCode(200);
            assertEquals(List.of("article.published"), Hooks.rows(db, hook.id()).stream().map(Row::eventType).toList());
            kill(a);
            List<Row> rows = Hooks.rows(db, hook.id());
            assertEquals(List.of("article.killed"), rows.stream().map(Row::eventType).toList(),
                    "the publication it will never have is not announced");
            assertTrue(rows.get(0).nextAttemptAt().toInstant().isBefore(Instant.now().plusSeconds(5)), "due now");
        } finally {
            hook.delete();
        }
    }
}
