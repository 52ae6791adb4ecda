package news.masthead.article;

import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentEditTest {
    private static final int EDITORS = 16;

    @TestHTTPResource("/")
    URI base;

    @Test
    void sixteenEditorsWithTheSameIfMatchProduceExactlyOneWinner() throws Exception {
        Created a = article().draft();
        HttpClient client = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            String body = "{\"headline\":\"Edit number " + i + "\"}";
            results.add(pool.submit(() -> {
                start.await();
                HttpRequest request = HttpRequest.newBuilder(base.resolve(a.adminPath()))
                        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", a.etag())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of(200, 1L, 412, (long) EDITORS - 1), counts);
        List<Integer> revisions = admin().get(a.adminPath() + "/revisions").path("data.revision");
        assertEquals(List.of(2, 1), revisions, "the history holds the create and exactly the one accepted edit");
    }
}
