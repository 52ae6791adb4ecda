package news.masthead.cdn;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Varnish with the xkey vmod ({@code src/main/varnish/masthead.vcl}): {@code PURGE <url>} with
 * {@code xkey-purge: <space-separated keys>}, to every configured server at once; purged when each
 * answered 2xx. Varnish keeps no state about purges, so resending to a server that already had it
 * (after another one failed) is harmless.
 */
final class VarnishPurger implements Purger {
    static final String HEADER = "xkey-purge";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(5);

    private final List<URI> servers;
    private final Limits limits;
    private final HttpClient http;

    VarnishPurger(List<URI> servers, int maxHeaderBytes) {
        for (URI server : servers) {
            // Refuse at startup what could never be sent, rather than retry it forever.
            if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme())) || server.getHost() == null) {
                throw new IllegalArgumentException("MASTHEAD_PURGE_URL must be http(s)://host[:port]/…, not " + server);
            }
        }
        this.servers = List.copyOf(servers);
        this.limits = new Limits(Integer.MAX_VALUE, maxHeaderBytes);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public CompletableFuture<Outcome> purge(List<String> keys) {
        String header = String.join(" ", keys);
        List<CompletableFuture<String>> sent = servers.stream().map(server -> send(server, header)).toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<String> failures = sent.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
            return failures.isEmpty() ? Outcome.ok() : Outcome.failed(String.join("; ", failures));
        });
    }

    /** Null when the server confirmed, else what went wrong. */
    private CompletableFuture<String> send(URI server, String keys) {
        HttpRequest request = HttpRequest.newBuilder(server).timeout(TOTAL_TIMEOUT)
                .header(HEADER, keys).header("User-Agent", "Masthead-Purge/1")
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(TOTAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return server + ": " + describe(failure);
                    }
                    int status = response.statusCode();
                    return status >= 200 && status < 300 ? null : server + ": HTTP " + status;
                });
    }

    private static String describe(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "no answer within " + TOTAL_TIMEOUT.toSeconds() + " s";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
