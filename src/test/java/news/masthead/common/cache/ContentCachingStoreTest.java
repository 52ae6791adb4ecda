package news.masthead.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The content cache's store on its own: bounded by the bytes of its answers, not their number. */
class ContentCachingStoreTest {
    private record Body(int size) implements Sized {
        @Override
        public long sizeInBytes() {
            return size;
        }
    }

    @Test
    void entriesAreEvictedByBytes() {
        long max = 1_000_000;
        ContentCache.Store store = ContentCaching.store(max, Duration.ofMinutes(10));
        for (int i = 0; i < 200; i++) {
            store.get("/api/v1/articles?page=" + i, k -> new Body(100_000));
        }
        int kept = kept(store, 200, 100_000);
        assertTrue(kept >= 1 && kept * (100_000 + ContentCaching.ENTRY_OVERHEAD) <= max, "kept " + kept);
        // Small answers: many more of them fit in the same bytes.
        ContentCache.Store small = ContentCaching.store(max, Duration.ofMinutes(10));
        for (int i = 0; i < 200; i++) {
            small.get("/api/v1/articles?page=" + i, k -> new Body(1_000));
        }
        assertEquals(200, kept(small, 200, 1_000));
    }

    @Test
    void aFailedRenderIsNotKeptAndItsExceptionIsTheAnswer() {
        ContentCache.Store store = ContentCaching.store(1_000_000, Duration.ofMinutes(10));
        AtomicInteger renders = new AtomicInteger();
        IllegalArgumentException notFound = new IllegalArgumentException("no such slug");
        assertSame(notFound, assertThrows(IllegalArgumentException.class, () -> store.get("/x", k -> {
            renders.incrementAndGet();
            throw notFound;
        })));
        assertNull(store.peek("/x"));
        Body body = store.get("/x", k -> {
            renders.incrementAndGet();
            return new Body(10);
        });
        assertSame(body, store.peek("/x"));
        assertSame(body, store.get("/x", k -> new Body(20)));
        assertEquals(2, renders.get());
    }

    private static int kept(ContentCache.Store store, int count, int size) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            Body b = store.peek("/api/v1/articles?page=" + i);
            if (b != null) {
                assertEquals(size, b.size());
                kept++;
            }
        }
        return kept;
    }
}
