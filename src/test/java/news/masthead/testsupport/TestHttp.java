package news.masthead.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plain {@code java.net.http} requests with Jackson, for tests that send thousands of them
 * (ConcurrentSyncTest). RestAssured compiles a Groovy expression for each JSON path it reads and
 * resolves classes on every call: on the shared 2 cores it cost twice the CPU of the server it was
 * testing. Same requests, same answers, a fraction of the client's CPU.
 */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private TestHttp() {
    }

    /** An answer: status, the headers that tests read, and the body parsed as a JSON object (null when empty). */
    public record Reply(int status, String etag, Map<String, Object> body) {
    }

    /** {@code method path} as {@code token} (a bearer secret), with If-Match when {@code ifMatch} is not null. */
    public static Reply send(String method, String path, String token, String ifMatch, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, Object> parsed = r.body().length == 0 ? null : JSON.readValue(r.body(), OBJECT);
            return new Reply(r.statusCode(), r.headers().firstValue("ETag").orElse(null), parsed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The test server, as Quarkus configured RestAssured for it. */
    private static URI base() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
    }
}
