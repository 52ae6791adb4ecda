package news.masthead.common.cache;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.Optional;

/** {@code masthead.content.*}: how Content API answers are cached, here and by clients. */
@ConfigMapping(prefix = "masthead.content")
public interface ContentConfig {

    /** {@code Cache-Control: public, max-age=…} of Content API answers, seconds. */
    int maxAge();

    /** {@code stale-while-revalidate=…} of the same header, seconds; 0 leaves it out. */
    int staleWhileRevalidate();

    /** The in-process cache of rendered answers. */
    Cache cache();

    interface Cache {
        /** Keep rendered answers in process at all. */
        boolean enabled();

        /** Most bytes the kept answers may take (bodies, headers, keys). */
        MemorySize maxBytes();

        /** No longer read (the cache is bounded by bytes); still accepted so that old settings only warn. */
        Optional<Integer> maxEntries();

        /** Longest an answer is kept, a safety net only. */
        Duration expireAfterWrite();

        /** How often the listener tests a quiet connection, to notice one that dropped silently. */
        Duration checkConnectionEvery();
    }
}
