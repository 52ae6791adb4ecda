package news.masthead.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public responses are rendered to bytes once; the strong ETag is a hash of exactly those bytes,
 * so equal content always has an equal ETag on every instance.
 */
@ApplicationScoped
public class Cacheable {
    private final ObjectMapper json;
    private final String cacheControl;

    public Cacheable(ObjectMapper json, @ConfigProperty(name = "masthead.content.max-age") int maxAge) {
        this.json = json;
        this.cacheControl = "public, max-age=" + maxAge;
    }

    public Response ok(Object body, HttpHeaders request) {
        return ok(render(body), MediaType.APPLICATION_JSON_TYPE, request);
    }

    /** The same for a body already rendered to bytes in another format (feeds: Atom, RSS, JSON Feed). */
    public Response ok(byte[] bytes, MediaType type, HttpHeaders request) {
        String etag = etagOf(bytes);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(bytes, type).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private byte[] render(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response could not be rendered", e);
        }
    }

    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): W/ prefixes are ignored; * matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Conditional GET for a caller's own view (a partner's feed): validated, never stored by shared caches. */
    public Response okPrivate(byte[] bytes, MediaType type, HttpHeaders request) {
        String etag = etagOf(bytes);
        Response.ResponseBuilder answer = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified() : Response.ok(bytes, type);
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }
}
