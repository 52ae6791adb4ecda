package news.masthead.common.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code limit} and {@code cursor}, the query parameters of every paged list, bound with
 * {@code @BeanParam} so each list declares and documents them the same way. They stay strings:
 * {@link PageRequest} answers a bad value with a 400 naming it, where JAX-RS would answer a 404.
 */
public class PageParams {
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100.", example = "20")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page.")
    public String cursor;
}
