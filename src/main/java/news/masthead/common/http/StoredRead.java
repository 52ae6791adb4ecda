package news.masthead.common.http;

import java.util.Optional;
import news.masthead.common.cache.Tagged;

/**
 * A public read that {@link CachedReads} may answer itself on a cache miss, from bytes stored at
 * write time (issue #19): the pipeline's answer for the same path, without the pipeline. Only for
 * a GET without a query string and without credentials; anything it cannot answer goes on to the
 * pipeline, which answers as it always did.
 */
public interface StoredRead {
    /** The route template {@code path} is an instance of (request metrics are tagged by it), or null: not this read's. */
    String template(String path);

    /**
     * The answer the pipeline would give for {@code path}, or empty when the pipeline must answer
     * (a redirect, a 404, anything not stored). Runs on a worker thread, outside any request
     * context, session or transaction.
     */
    Optional<Tagged<byte[]>> load(String path);
}
