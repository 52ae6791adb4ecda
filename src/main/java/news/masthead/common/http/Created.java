package news.masthead.common.http;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** The answer to a create: 201, Location naming the new resource in its collection, and the resource. */
public final class Created {
    private Created() {
    }

    /** {@code collection} is the collection's path, e.g. {@code /api/v1/admin/authors}; Location is made absolute. */
    public static Response at(String collection, UUID id, Object body) {
        return Response.created(URI.create(collection + "/" + id)).entity(body).build();
    }
}
