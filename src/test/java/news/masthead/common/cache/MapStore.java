package news.masthead.common.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A content cache store that is a plain map: for a second listener's cache in tests, apart from the application's. */
final class MapStore implements ContentCache.Store {
    private final Map<String, Object> entries = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get(String key, Function<String, V> render) {
        return (V) entries.computeIfAbsent(key, render);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V peek(String key) {
        return (V) entries.get(key);
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
