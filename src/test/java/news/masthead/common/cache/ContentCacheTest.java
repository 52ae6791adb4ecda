package news.masthead.common.cache;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import news.masthead.article.ScheduledVisibility;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Statements;
import news.masthead.testsupport.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentCacheTest {
    private static final String LIST = "/api/v1/articles";

    @Inject
    ContentCaching caching;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void repeatedRequestIsServedFromTheCacheWithSameBytesEtagAndSurrogateKeys() throws InterruptedException {
        JsonPath section = Fixtures.createSection(null);
        JsonPath author = Fixtures.createAuthor();
        Created a = article().section(section.getString("slug")).authors(author.getString("slug")).published();
        settle(caching.cache());

        Response first = given().get(LIST + "/" + a.slug());
        first.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=30"))
                .header("Surrogate-Key", containsString("article-" + a.id()))
                .header("Surrogate-Key", containsString("section-" + section.getString("id")))
                .header("Surrogate-Key", containsString("author-" + author.getString("id")))
                .header("Surrogate-Key", containsString("notice-" + Fixtures.ensureDefaultNotice()));
        long statements = Statements.during(LIST + "/" + a.slug(), Map.of(), second -> {
            second.then().statusCode(200).header("ETag", equalTo(first.header("ETag")))
                    .header("Surrogate-Key", equalTo(first.header("Surrogate-Key")));
            assertEquals(first.asString(), second.asString());
        });
        assertEquals(0, statements, "a repeated request must not reach the database");

        long revalidation = Statements.during(LIST + "/" + a.slug(), Map.of(),
                request -> request.header("If-None-Match", first.header("ETag")), r -> r.then()
                        .statusCode(304).header("ETag", equalTo(first.header("ETag"))).body(emptyOrNullString()));
        assertEquals(0, revalidation, "a revalidation must not reach the database");
    }

    @Test
    void listsCarryTheListKeyAndEveryShownArticlesKeys() {
        Created a = article().published();
        given().queryParam("tag", a.tag()).get(LIST).then().statusCode(200)
                .header("Surrogate-Key", containsString("articles "))
                .header("Surrogate-Key", containsString("article-" + a.id()));
        given().get("/api/v1/sections").then().statusCode(200).header("Surrogate-Key", containsString("sections"));
        given().get("/api/v1/authors").then().statusCode(200).header("Surrogate-Key", containsString("authors"));
    }

    @Test
    void changeIsServedAtOnceByTheInstanceThatCommittedIt() throws InterruptedException {
        JsonPath author = Fixtures.createAuthor();
        String authorSlug = author.getString("slug");
        Created a = article().authors(authorSlug).with("headline", "Before the edit").published();
        settle(caching.cache());
        given().queryParam("tag", a.tag()).get(LIST).then().body("data[0].headline", equalTo("Before the edit"));
        given().get(LIST + "/" + a.slug()).then().body("authors[0].name", equalTo("Author " + authorSlug));

        admin().header("If-Match", a.etag()).body(Map.of("headline", "After the edit")).patch(a.adminPath())
                .then().statusCode(200);
        given().queryParam("tag", a.tag()).get(LIST).then().statusCode(200).body("data[0].headline", equalTo("After the edit"));

        admin().contentType("application/merge-patch+json").body(Map.of("name", "Renamed Author"))
                .patch(Fixtures.AUTHORS + "/" + author.getString("id")).then().statusCode(200);
        given().get(LIST + "/" + a.slug()).then().statusCode(200).body("authors[0].name", equalTo("Renamed Author"));
    }

    @Test
    void unpublishedArticleLeavesCachedAnswersAtOnce() throws InterruptedException {
        Created a = article().published();
        settle(caching.cache());
        given().get(LIST + "/" + a.slug()).then().statusCode(200);
        given().get(LIST + "/" + a.slug()).then().statusCode(200);
        admin().header("If-Match", a.etag()).post(a.adminPath() + "/unpublish").then().statusCode(200);
        given().get(LIST + "/" + a.slug()).then().statusCode(404);
        given().queryParam("tag", a.tag()).get(LIST).then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void scheduledArticleJoinsCachedListsTheMomentItBecomesVisible() throws InterruptedException {
        Created published = article().published();
        String tag = published.tag();
        Created scheduled = article().with("tags", List.of(tag)).draft();
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", at.toString()))
                .post(scheduled.adminPath() + "/publish").then().statusCode(200);
        settle(caching.cache());

        given().queryParam("tag", tag).get(LIST).then().statusCode(200).body("data.id", equalTo(List.of(published.id())));
        long cached = Statements.during(LIST, Map.of("tag", tag), r -> r.then()
                .body("data.id", equalTo(List.of(published.id()))));
        assertEquals(0, cached, "before its instant the list is served from the cache");

        TestClock.get().advancePast(at);
        // No write happened: only the schedule ends the cached answer, and it must end exactly then.
        given().queryParam("tag", tag).get(LIST).then().statusCode(200)
                .body("data.id", equalTo(List.of(scheduled.id(), published.id())));
    }

    /**
     * The listener reads the next schedule with the application's clock: once the moved clock has
     * passed a schedule, it serves the next generation from the cache again. Read with another
     * clock, the passed instant would still be ahead, and the cache would never serve.
     */
    @Test
    void afterTheClockPassesAScheduleTheNextGenerationIsServedFromTheCache() throws InterruptedException {
        Created scheduled = article().draft();
        Instant at = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", at.toString()))
                .post(scheduled.adminPath() + "/publish").then().statusCode(200);
        TestClock.get().advancePast(at);
        settle(caching.cache());
        given().queryParam("tag", scheduled.tag()).get(LIST).then().statusCode(200)
                .body("data.id", equalTo(List.of(scheduled.id())));
        long cached = Statements.during(LIST, Map.of("tag", scheduled.tag()), r -> r.then()
                .body("data.id", equalTo(List.of(scheduled.id()))));
        assertEquals(0, cached, "served from the cache once the listener has read the next schedule");
    }

    /**
     * A second instance: its own cache and listener on its own connection to the same database,
     * exactly as another Masthead process would run them. A change committed through this
     * instance's API must end the second instance's cached answer within a bounded time.
     */
    @Test
    void secondInstanceStopsServingItsCopyRightAfterACommitElsewhere() throws Exception {
        ContentCache second = new ContentCache(new MapStore(), Instant::now);
        String applicationName = "masthead-second-" + System.nanoTime();
        ChangeListener listener = new ChangeListener(() -> connect(applicationName), new ScheduledVisibility(), second,
                Instant::now, Duration.ofSeconds(1));
        Thread thread = new Thread(listener, "second-instance-listener");
        thread.start();
        try {
            awaitServing(second);
            Created a = article().with("headline", "First version").published();
            settle(second);
            String key = LIST + "?tag=" + a.tag();
            AtomicInteger renders = new AtomicInteger();
            java.util.function.Supplier<String> render = () -> {
                renders.incrementAndGet();
                return given().queryParam("tag", a.tag()).get(LIST).then().statusCode(200).extract().asString();
            };
            assertTrue(second.get(key, render).contains("First version"));
            assertTrue(second.get(key, render).contains("First version"));
            assertEquals(1, renders.get(), "the second instance serves its copy while nothing changes");

            Instant committed = Instant.now();
            admin().header("If-Match", a.etag()).body(Map.of("headline", "Second version")).patch(a.adminPath())
                    .then().statusCode(200);
            await(() -> !second.get(key, render).contains("First version"), Duration.ofSeconds(3),
                    "the second instance still serves the version before the commit");
            System.out.println("Second instance coherent " + Duration.between(committed, Instant.now()).toMillis()
                    + " ms after the commit returned");

            // A lost connection may have lost notifications: nothing is served until it is back, then all is fresh.
            long generation = second.generation();
            terminate(applicationName);
            await(() -> second.generation() > generation, Duration.ofSeconds(3), "the listener did not notice its loss");
            await(second::serving, Duration.ofSeconds(10), "the listener did not reconnect");
            int before = renders.get();
            assertTrue(second.get(key, render).contains("Second version"));
            assertEquals(before + 1, renders.get(), "after a reconnect nothing cached before it is served");
        } finally {
            listener.stop();
            thread.join(5000);
        }
        assertFalse(thread.isAlive());
        assertFalse(second.serving(), "a stopped listener leaves nothing to serve");
    }

    private Connection connect(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, props);
    }

    private void terminate(String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '" + applicationName + "'");
        }
    }

    /**
     * Waits until the notifications of the writes made so far have arrived (each commit also starts
     * a generation when its own notification comes back): serving, and no new generation for a while.
     */
    private static void settle(ContentCache cache) throws InterruptedException {
        awaitServing(cache);
        long generation;
        do {
            generation = cache.generation();
            Thread.sleep(300);
        } while (generation != cache.generation() || !cache.serving());
    }

    private static void awaitServing(ContentCache cache) {
        await(cache::serving, Duration.ofSeconds(10), "the cache never started serving");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(failure, e);
            }
        }
    }
}
