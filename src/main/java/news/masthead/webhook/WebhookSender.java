package news.masthead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.common.time.Now;
import news.masthead.webhook.DeliveryQueue.Result;

/** One signed POST to a subscriber. Never throws: every failure becomes a {@link Result} to log. */
@ApplicationScoped
public class WebhookSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR = 500;

    private final UrlGuard guard;
    private final HttpClient http;
    private final Now clock;

    /** With the system clock, for use outside CDI. */
    WebhookSender(UrlGuard guard) {
        this(guard, new Now());
    }

    @Inject
    WebhookSender(UrlGuard guard, Now clock) {
        // Redirects are not followed: a public URL must not bounce a delivery into a private network.
        this(guard, HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build(), clock);
    }

    WebhookSender(UrlGuard guard, HttpClient http, Now clock) {
        this.guard = guard;
        this.http = http;
        this.clock = clock;
    }

    /**
     * Checks the URL again (DNS may now answer differently than when it was saved), then sends. The
     * check runs on the calling thread; the request itself is asynchronous, so a batch goes out in
     * parallel, each bounded by {@link #TOTAL_TIMEOUT} including the answer's body.
     */
    public CompletableFuture<Result> send(Claim claim) {
        Optional<String> refused = guard.refusal(claim.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Result(null, "not sent: url " + refused.get(), 0));
        }
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(claim.url()))
                    .timeout(TOTAL_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Masthead-Webhooks/1")
                    .header("X-Masthead-Event", claim.eventType())
                    .header("X-Masthead-Delivery", claim.deliveryId().toString())
                    .header("X-Masthead-Timestamp", Long.toString(timestamp))
                    .header("X-Masthead-Signature", Signatures.sign(claim.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Result(null, "not sent: url is not usable", 0));
        }
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(TOTAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
                    return failure == null ? new Result(response.statusCode(), null, ms)
                            : new Result(null, describe(failure), ms);
                });
    }

    /** A short, secret-free account of why no answer came. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof HttpConnectTimeoutException) {
            text = "connection timed out after " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            text = "no complete answer within " + TOTAL_TIMEOUT.toSeconds() + " s";
        } else if (t instanceof ConnectException) {
            text = "connection failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        } else {
            text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
