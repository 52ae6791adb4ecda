package news.masthead.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.common.time.Now;
import news.masthead.webhook.DeliveryQueue.Result;
import news.masthead.webhook.UrlGuard.Check;
import news.masthead.webhook.UrlGuard.Target;

/**
 * One signed POST to a subscriber. Never throws: every failure becomes a {@link Result} to log.
 *
 * <p>The connection goes to the address {@link UrlGuard} checked, never to a fresh lookup of the
 * name: Vert.x's client takes that address as the server to connect to, and the URL's host as the
 * name to speak to (Host header, TLS SNI, and the certificate's host check, which stays on). So a
 * DNS answer that changes between the check and the connection is never used. (java.net.http, used
 * before, resolves names itself and offers no way to hand it an address.)
 */
@ApplicationScoped
public class WebhookSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR = 500;

    private final UrlGuard guard;
    private final HttpClient http;
    private final Now clock;
    private final Duration connectTimeout;
    private final Duration totalTimeout;

    @Inject
    WebhookSender(UrlGuard guard, Vertx vertx, Now clock) {
        this(guard, vertx, clock, new HttpClientOptions(), CONNECT_TIMEOUT, TOTAL_TIMEOUT);
    }

    /** With TLS options and timeouts of the caller's choosing (tests: their own certificate authority, short waits). */
    WebhookSender(UrlGuard guard, Vertx vertx, Now clock, HttpClientOptions options, Duration connectTimeout, Duration totalTimeout) {
        this.guard = guard;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
        this.http = vertx.createHttpClient(options
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setTrustAll(false)
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * Checks the URL again (DNS may now answer differently than when it was saved), then sends to
     * the address just checked. The check runs on the calling thread; the request itself is
     * asynchronous, so a batch goes out in parallel, each bounded by the total timeout including
     * the answer's body. Redirects are not followed: a public URL must not bounce a delivery into
     * a private network.
     */
    public CompletableFuture<Result> send(Claim claim) {
        Check check = guard.target(claim.url());
        if (check.refusal() != null) {
            return CompletableFuture.completedFuture(new Result(null, "not sent: url " + check.refusal(), 0));
        }
        Target target = check.target();
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(totalTimeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Masthead-Webhooks/1")
                .putHeader("X-Masthead-Event", claim.eventType())
                .putHeader("X-Masthead-Delivery", claim.deliveryId().toString())
                .putHeader("X-Masthead-Timestamp", Long.toString(timestamp))
                .putHeader("X-Masthead-Signature", Signatures.sign(claim.secret(), timestamp, body));
        long start = System.nanoTime();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return http.request(request)
                .compose(r -> {
                    sent.set(r);
                    return r.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    // The answer's body is read and dropped: only its status is kept, and it may be large.
                    response.handler(chunk -> { });
                    return response.end().map(done -> response.statusCode());
                })
                .toCompletionStage().toCompletableFuture()
                .orTimeout(totalTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((status, failure) -> {
                    int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
                    if (failure == null) {
                        return new Result(status, null, ms);
                    }
                    HttpClientRequest inFlight = sent.get();
                    if (inFlight != null) {
                        inFlight.reset(); // a subscriber that never finishes answering does not keep the connection
                    }
                    return new Result(null, describe(failure), ms);
                });
    }

    /** A short, secret-free account of why no answer came. */
    String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof io.netty.channel.ConnectTimeoutException) {
            text = "connection timed out after " + connectTimeout.toSeconds() + " s";
        } else if (t instanceof TimeoutException) { // ours, or Vert.x's idle timeout (a TimeoutException too)
            text = "no complete answer within " + totalTimeout.toSeconds() + " s";
        } else if (t instanceof ConnectException) {
            text = "connection failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        } else if (t instanceof SSLException) {
            text = "TLS failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        } else {
            text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
