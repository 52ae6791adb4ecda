package news.masthead.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import news.masthead.testsupport.processes.Ports;
import news.masthead.testsupport.processes.PurgeRecorder;
import org.junit.jupiter.api.Test;

class VarnishPurgerTest {

    @Test
    void sendsOnePurgeWithTheKeysSpaceSeparatedToEveryServer() {
        try (PurgeRecorder one = PurgeRecorder.start(); PurgeRecorder two = PurgeRecorder.start()) {
            VarnishPurger purger = new VarnishPurger(List.of(URI.create(one.url()), URI.create(two.url())), 4000);
            Purger.Outcome outcome = purger.purge(List.of("article-1", "articles")).join();
            assertTrue(outcome.purged(), outcome.detail());
            assertEquals(List.of("article-1 articles"), one.headers());
            assertEquals(List.of("article-1 articles"), two.headers());
        }
    }

    @Test
    void aServerThatRefusesOrIsDownMakesThePurgeFailWithTheReason() {
        try (PurgeRecorder up = PurgeRecorder.start(); PurgeRecorder refusing = PurgeRecorder.start()) {
            refusing.answer(403);
            String down = "http://127.0.0.1:" + Ports.free() + "/";
            VarnishPurger purger = new VarnishPurger(List.of(URI.create(up.url()), URI.create(refusing.url()),
                    URI.create(down)), 4000);
            Purger.Outcome outcome = purger.purge(List.of("article-2")).join();
            assertFalse(outcome.purged());
            assertTrue(outcome.detail().contains(refusing.url() + ": HTTP 403"), outcome.detail());
            assertTrue(outcome.detail().contains(down + ": connection refused"), outcome.detail());
            assertEquals(1, up.count("article-2"), "the server that was up has it (resending later is harmless)");
        }
    }

    @Test
    void aPurgeUrlThatCouldNeverBeSentIsRefusedAtStartup() {
        for (String url : List.of("varnish:80", "ftp://varnish/", "/relative")) {
            assertThrows(IllegalArgumentException.class, () -> new VarnishPurger(List.of(URI.create(url)), 4000), url);
        }
    }
}
