package news.masthead.common.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import news.masthead.common.replica.ReadReplica;
import news.masthead.common.time.Now;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This instance's {@link ContentCache}, kept in a Caffeine cache bounded by bytes and told of
 * changes by a {@link ChangeListener}. Bytes, not entries: one list of 100 summaries weighs as much
 * as a hundred small articles, so a count says nothing about the heap it takes.
 */
@ApplicationScoped
public class ContentCaching {
    private static final Logger LOG = Logger.getLogger(ContentCaching.class);
    /** What an entry costs besides its body: the key twice (map and value), headers, the objects around them. */
    static final int ENTRY_OVERHEAD = 512;
    private final boolean enabled;
    private final ContentCache cache;
    private final ChangeListener listener;
    private final boolean listening;
    private final ReadReplica replica;
    private Thread thread;

    ContentCaching(Now clock, ChangeListener.NextDue nextDue, ContentConfig config, ReadReplica replica,
                   @jakarta.enterprise.inject.Any jakarta.enterprise.inject.Instance<ChangeListener.Wake> wakes,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.enabled = config.cache().enabled();
        long maxBytes = config.cache().maxBytes().asLongValue();
        config.cache().maxEntries().ifPresent(n -> LOG.warnf("MASTHEAD_CONTENT_CACHE_MAX_ENTRIES (%d) is no longer read: the content cache "
                + "is bounded by MASTHEAD_CONTENT_CACHE_MAX_BYTES (now %d bytes)", n, maxBytes));
        this.cache = new ContentCache(store(maxBytes, config.cache().expireAfterWrite()), clock::instant);
        this.listener = new ChangeListener(() -> DriverManager.getConnection(url, user.orElse(null), password.orElse(null)),
                nextDue, cache, clock::instant, config.cache().checkConnectionEvery(), enabled, wakes.stream().toList(),
                new ChangeListener.Heard() {
                    @Override
                    public void arriving() {
                        replica.hold();
                    }

                    @Override
                    public void heard(java.sql.Connection connection, long notified) throws java.sql.SQLException {
                        replica.heard(connection, notified);
                    }
                });
        this.replica = replica;
        // The replica's rule needs the listener even with the cache off: it learns of other instances' changes there.
        this.listening = enabled || replica.configured() || wakes.iterator().hasNext();
    }

    void start(@Observes StartupEvent event) {
        // One connection per instance serves the cache and whatever else wakes on commits (the event stream).
        if (listening) {
            thread = new Thread(listener, "content-cache-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread != null) {
            listener.stop();
            thread.join(5000);
        }
    }

    public <V> V get(String key, Supplier<V> render) {
        return cache.get(key, render);
    }

    /** A finished entry that may be served now, or null (see {@link ContentCache#peek}). */
    public <V> V peek(String key) {
        return enabled ? cache.peek(key) : null;
    }

    /** A change committed on this instance: its readers must see it at once, not when the notification arrives. */
    public void changedLocally(Instant visibleAt) {
        // Before the new generation: its first reads must not refill it from a replica that lacks this commit.
        replica.localCommit();
        cache.changedLocally(visibleAt);
    }

    /** The cache itself, for tests that watch its generations. */
    public ContentCache cache() {
        return cache;
    }

    /** A render that threw, as its waiters receive it. */
    private record Failed(RuntimeException exception) {
    }

    /** The cost of one entry for the byte bound. */
    static int weigh(String key, Object value) {
        long body = value instanceof Sized sized ? sized.sizeInBytes() : 0;
        return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + 4L * key.length() + body);
    }

    /**
     * Caffeine holding futures: the first request for a key renders it on its own thread (the
     * request's context and transaction-less reads go with it), concurrent requests for the same key
     * wait for that render, and a render that fails is removed so the next request tries again. An
     * entry is weighed when its render completes.
     */
    static ContentCache.Store store(long maxBytes, Duration expireAfterWrite) {
        AsyncCache<String, Object> store = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(ContentCaching::weigh)
                .expireAfterWrite(expireAfterWrite)
                // Eviction on the thread that added the entry, not later on a pool: the bound holds at once.
                .executor(Runnable::run)
                .buildAsync();
        return new ContentCache.Store() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get(String key, Function<String, V> render) {
                CompletableFuture<Object> mine = new CompletableFuture<>();
                CompletableFuture<Object> existing = store.asMap().putIfAbsent(key, mine);
                if (existing != null) {
                    Object value = existing.join();
                    if (value instanceof Failed failed) {
                        // A render that fails (a 404, a bad parameter) is not cached; its exception is the answer.
                        throw failed.exception();
                    }
                    return (V) value;
                }
                try {
                    V value = render.apply(key);
                    mine.complete(value);
                    return value;
                } catch (RuntimeException e) {
                    // Handed to the requests waiting for this render as a value: Caffeine logs every
                    // future that completes exceptionally, and a 404 is no event worth a warning.
                    store.asMap().remove(key, mine);
                    mine.complete(new Failed(e));
                    throw e;
                } catch (Error e) {
                    store.asMap().remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public <V> V peek(String key) {
                CompletableFuture<Object> entry = store.getIfPresent(key);
                if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
                    return null;
                }
                Object value = entry.getNow(null);
                return value instanceof Failed ? null : (V) value;
            }

            @Override
            public void clear() {
                store.synchronous().invalidateAll();
            }
        };
    }
}
