package news.masthead.stream;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static news.masthead.testsupport.Articles.article;
import static news.masthead.testsupport.EventStreams.about;
import static news.masthead.testsupport.EventStreams.is;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import news.masthead.testsupport.Api;
import news.masthead.testsupport.Articles.Created;
import news.masthead.testsupport.EventStreams;
import news.masthead.testsupport.EventStreams.Event;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.Problems;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + Api.ADMIN_TOKEN);

    @Inject
    DataSource dataSource;

    private static String url(String path) {
        return EventStreams.base() + path;
    }

    @Test
    void draftEditNeverReachesThePublicStreamButReachesThePreviewStream() {
        try (EventStreams pub = EventStreams.live(url("/api/v1/stream"), Map.of());
             EventStreams preview = EventStreams.live(url("/api/v1/preview/stream"), ADMIN)) {
            assertTrue(pub.header("Content-Type").startsWith("text/event-stream"), pub.header("Content-Type"));
            assertEquals("no-store", pub.header("Cache-Control"));
            assertEquals("private, no-store", preview.header("Cache-Control"));

            Created draft = article().draft();
            admin().header("If-Match", draft.etag()).body(Map.of("headline", "Still a draft")).patch(draft.adminPath())
                    .then().statusCode(200);
            Created marker = article().published();

            List<Event> publicEvents = pub.until(is("article.published", marker.id()), WAIT);
            assertFalse(publicEvents.stream().anyMatch(e -> about(e, draft.id())), publicEvents.toString());
            Event published = publicEvents.get(publicEvents.size() - 1);
            assertTrue(published.data().contains("\"slug\":\"" + marker.slug() + "\""), published.data());
            assertTrue(published.id() != null && !published.id().isBlank());

            List<Event> previewEvents = preview.until(is("article.published", marker.id()), WAIT);
            assertEquals(2, previewEvents.stream().filter(is("article.changed", draft.id())).count(), previewEvents.toString());
        }
    }

    @Test
    void resumeDeliversExactlyWhatWasMissed() {
        Created a;
        String position;
        try (EventStreams first = EventStreams.live(url("/api/v1/stream"), Map.of())) {
            a = article().published();
            position = last(first.until(is("article.published", a.id()), WAIT)).id();
        }
        Created b = article().published();
        admin().header("If-Match", b.etag()).body(Map.of("headline", "Changed while you were away")).patch(b.adminPath())
                .then().statusCode(200);
        Created hidden = article().draft();
        Created c = article().published();
        admin().header("If-Match", c.etag()).delete(c.adminPath()).then().statusCode(204);

        try (EventStreams resumed = EventStreams.open(url("/api/v1/stream"), Map.of("Last-Event-ID", position))) {
            List<Event> events = resumed.until(is("article.removed", c.id()), WAIT);
            List<String> mine = events.stream().filter(e -> about(e, a.id()) || about(e, b.id()) || about(e, c.id())
                    || about(e, hidden.id()) || e.name().equals("reset")).map(e -> e.name() + " " + (about(e, b.id()) ? "b" : about(e, c.id()) ? "c" : "?"))
                    .toList();
            assertEquals(List.of("article.published b", "article.updated b", "article.published c", "article.removed c"), mine);
        }
    }

    @Test
    void aPositionOlderThanTenMinutesOrUnknownStartsWithReset() {
        String position;
        try (EventStreams first = EventStreams.live(url("/api/v1/stream"), Map.of())) {
            Created a = article().published();
            position = last(first.until(is("article.published", a.id()), WAIT)).id();
        }
        TestClock.get().advance(Duration.ofMinutes(11));
        try (EventStreams resumed = EventStreams.open(url("/api/v1/stream"), Map.of("Last-Event-ID", position))) {
            assertEquals("reset", resumed.until(e -> !e.isComment(), WAIT).get(0).name());
        }
        try (EventStreams resumed = EventStreams.open(url("/api/v1/stream"), Map.of("Last-Event-ID", "not-a-position"))) {
            assertEquals("reset", resumed.until(e -> !e.isComment(), WAIT).get(0).name());
        }
    }

    @Test
    void aScheduledArticleAnnouncesItselfWhenItTurnsPublicAndNotBefore() {
        try (EventStreams pub = EventStreams.live(url("/api/v1/stream"), Map.of())) {
            Created scheduled = article().draft();
            Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            admin().header("If-Match", scheduled.etag()).body(Map.of("at", at.toString())).post(scheduled.adminPath() + "/publish")
                    .then().statusCode(200);
            Created marker = article().published();
            assertFalse(pub.until(is("article.published", marker.id()), WAIT).stream().anyMatch(e -> about(e, scheduled.id())));

            TestClock.get().advancePast(at);
            Event announced = last(pub.until(e -> about(e, scheduled.id()), WAIT));
            assertEquals("article.published", announced.name());
            assertTrue(announced.data().contains("\"at\":\"" + at + "\""), announced.data());
        }
    }

    @Test
    void aScheduleThatComesDueWhileNobodyListensIsAnnouncedToWhoeverResumes() throws Exception {
        String position;
        try (EventStreams first = EventStreams.live(url("/api/v1/stream"), Map.of())) {
            Created marker = article().published();
            position = last(first.until(is("article.published", marker.id()), WAIT)).id();
        }
        Created scheduled = article().draft();
        // Within the window a position may resume from (10 minutes).
        Instant at = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        admin().header("If-Match", scheduled.etag()).body(Map.of("at", at.toString())).post(scheduled.adminPath() + "/publish")
                .then().statusCode(200);
        TestClock.get().advancePast(at);
        // In the log before anyone listens again: the idle hub still announces what falls due.
        assertTrue(announcedWithin(scheduled.id(), WAIT), "no article.published in the log for " + scheduled.id());

        try (EventStreams resumed = EventStreams.open(url("/api/v1/stream"), Map.of("Last-Event-ID", position))) {
            Event announced = last(resumed.until(e -> about(e, scheduled.id()), WAIT));
            assertEquals("article.published", announced.name());
            assertTrue(announced.data().contains("\"at\":\"" + at + "\""), announced.data());
        }
    }

    /** Waits (polling the log, at most {@code wait}) for the hub's own thread to log the article's publication. */
    private boolean announcedWithin(String articleId, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from stream_event "
                     + "where article_id = ? and kind = 'article.published'")) {
            s.setObject(1, UUID.fromString(articleId));
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
        }
        return false;
    }

    @Test
    void sectionFilterKeepsTheSectionAndItsSubsections() {
        String parent = Fixtures.section();
        String child = Fixtures.section(parent);
        String other = Fixtures.section();
        try (EventStreams pub = EventStreams.live(url("/api/v1/stream?section=" + parent), Map.of())) {
            Created inChild = article().section(child).published();
            Created elsewhere = article().section(other).published();
            Created inParent = article().section(parent).published();
            List<Event> events = pub.until(is("article.published", inParent.id()), WAIT);
            assertTrue(events.stream().anyMatch(is("article.published", inChild.id())), events.toString());
            assertFalse(events.stream().anyMatch(e -> about(e, elsewhere.id())), events.toString());
            assertTrue(last(events).data().contains("\"section\":\"" + parent + "\""), last(events).data());
        }
        given().queryParam("section", Api.unique("no-such-section")).get("/api/v1/stream").then().statusCode(400)
                .contentType(Problems.JSON).body("type", equalTo(Problems.VALIDATION)).body("errors[0].field", equalTo("section"));
    }

    @Test
    void previewStreamNeedsAPreviewingTokenAndKeepsAWriterToItsOwn() {
        given().get("/api/v1/preview/stream").then().statusCode(401).contentType(Problems.JSON);
        String writer = news.masthead.testsupport.Tokens.secret("writer");
        String otherWriter = news.masthead.testsupport.Tokens.secret("writer");
        try (EventStreams mine = EventStreams.live(url("/api/v1/preview/stream"), Map.of("Authorization", "Bearer " + writer))) {
            String theirs = news.masthead.testsupport.Tokens.as(otherWriter).body(article().body()).post(Fixtures.ARTICLES)
                    .then().statusCode(201).extract().path("id");
            String own = news.masthead.testsupport.Tokens.as(writer).body(article().body()).post(Fixtures.ARTICLES)
                    .then().statusCode(201).extract().path("id");
            List<Event> events = mine.until(is("article.changed", own), WAIT);
            assertFalse(events.stream().anyMatch(e -> about(e, theirs)), events.toString());
        }
    }

    @Test
    void aQuietStreamGetsKeepAliveComments() {
        try (EventStreams pub = EventStreams.live(url("/api/v1/stream"), Map.of())) {
            // The test profile sends them every 2 s (15 s by default).
            pub.until(e -> e.isComment() && e.data().equals("keep-alive"), WAIT);
        }
    }

    private static Event last(List<Event> events) {
        return events.get(events.size() - 1);
    }
}
