package news.masthead.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.UUID;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.webhook.DeliveryQueue.Result;
import org.junit.jupiter.api.Test;

/** The delivery-time check: a URL accepted earlier is not called once it resolves inside. */
class WebhookSenderTest {

    private static Claim claim(String url) {
        return new Claim(UUID.randomUUID(), UUID.randomUUID(), 1, "article.published", "{\"id\":\"x\"}",
                UUID.randomUUID(), url, "a-secret-of-some-length");
    }

    @Test
    void aUrlThatNowResolvesToAPrivateAddressIsNotCalled() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            // The name pointed outside when the webhook was saved; now it points at this machine.
            String url = receiver.url().replace("127.0.0.1", "rebinding.example.com");
            UrlGuard guard = new UrlGuard(false, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
            Result result = new WebhookSender(guard).send(claim(url)).get();
            assertNull(result.status());
            assertTrue(result.error().contains("loopback"), result.error());
            assertTrue(receiver.requests().isEmpty(), "nothing was sent");
        }
    }

    @Test
    void anAllowedUrlIsCalledAndAnUnreachableOneIsAnError() throws Exception {
        WebhookSender sender = new WebhookSender(new UrlGuard(true, InetAddress::getAllByName));
        try (Receiver receiver = Receiver.answering(202)) {
            Result result = sender.send(claim(receiver.url())).get();
            assertEquals(202, result.status());
            assertTrue(result.delivered());
            assertEquals(1, receiver.requests().size());
        }
        String closed;
        try (Receiver gone = Receiver.answering()) {
            closed = gone.url();
        }
        Result refused = sender.send(claim(closed)).get();
        assertNull(refused.status());
        assertTrue(refused.error().startsWith("connection"), refused.error());
    }
}
