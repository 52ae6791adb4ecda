package news.masthead.common.cache;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheException;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import news.masthead.common.time.Now;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This instance's {@link ContentCache}, kept in the Quarkus cache and told of changes by a {@link ChangeListener}. */
@ApplicationScoped
public class ContentCaching {
    private final boolean enabled;
    private final ContentCache cache;
    private final ChangeListener listener;
    private Thread thread;

    ContentCaching(@CacheName("masthead-content") Cache store, Now clock, ChangeListener.NextDue nextDue,
                   ContentConfig config,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.enabled = config.cache().enabled();
        this.cache = new ContentCache(quarkusStore(store), clock::instant);
        this.listener = new ChangeListener(() -> DriverManager.getConnection(url, user.orElse(null), password.orElse(null)),
                nextDue, cache, clock::instant, config.cache().checkConnectionEvery());
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
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
        cache.changedLocally(visibleAt);
    }

    /** The cache itself, for tests that watch its generations. */
    public ContentCache cache() {
        return cache;
    }

    private static ContentCache.Store quarkusStore(Cache store) {
        return new ContentCache.Store() {
            @Override
            public <V> V get(String key, Function<String, V> render) {
                try {
                    return store.get(key, render).await().indefinitely();
                } catch (CacheException e) {
                    // A render that fails (a 404, a bad parameter) is not cached; its exception is the answer.
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public <V> V peek(String key) {
                CompletableFuture<Object> entry = store.as(CaffeineCache.class).getIfPresent(key);
                if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
                    return null;
                }
                return (V) entry.getNow(null);
            }

            @Override
            public void clear() {
                store.invalidateAll().await().indefinitely();
            }
        };
    }
}
