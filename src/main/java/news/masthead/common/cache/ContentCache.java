package news.masthead.common.cache;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rendered public responses, coherent across instances. Entries live in a generation: every
 * change starts a new one (on this instance right after its commit, on the others when
 * {@link ChangeListener} receives the notification the commit sent), and a key is only ever looked
 * up in the current generation. A render that read the database before a change and finishes
 * after it therefore lands in a dead generation and is never served.
 *
 * <p>Scheduled articles become visible by time, with no write to announce them. So a generation
 * is served only until the earliest scheduled instant known when it started; from that instant
 * every request renders fresh until the listener starts the next generation. While the listener
 * is not connected (startup, database restart) nothing is served from the cache at all, since a
 * change on another instance could go unnoticed.
 */
public class ContentCache {

    /** Where entries live; in production the Quarkus cache, in tests anything with compute-if-absent. */
    public interface Store {
        <V> V get(String key, Function<String, V> render);

        /** The finished entry for {@code key}, or null: absent, or still being rendered. */
        <V> V peek(String key);

        void clear();
    }

    /** A generation, the instant until which its entries may be served, and how many local commits it has seen. */
    private record Epoch(long generation, Instant servesUntil, long localChanges) {
    }

    private final Store store;
    private final Supplier<Instant> clock;
    private volatile Epoch epoch = new Epoch(0, Instant.MIN, 0);

    public ContentCache(Store store, Supplier<Instant> clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The cached value for {@code key} in the current generation, or a fresh render when none may be served. */
    public <V> V get(String key, Supplier<V> render) {
        Epoch e = epoch;
        if (!clock.get().isBefore(e.servesUntil())) {
            return render.get();
        }
        return store.get(e.generation() + " " + key, k -> render.get());
    }

    /**
     * The cached value for {@code key} if one may be served now, else null; never renders. Lets a
     * cheap front door answer hits and leave every miss to the full request pipeline.
     */
    public <V> V peek(String key) {
        Epoch e = epoch;
        if (!clock.get().isBefore(e.servesUntil())) {
            return null;
        }
        return store.peek(e.generation() + " " + key);
    }

    /** Whether a lookup now would be served from the cache. */
    public boolean serving() {
        return clock.get().isBefore(epoch.servesUntil());
    }

    /** The generation now served: it moves on every change. */
    public long generation() {
        return epoch.generation();
    }

    /** Taken by the listener before it reads the next scheduled instant; handed back to {@link #refreshed}. */
    public long mark() {
        return epoch.localChanges();
    }

    /**
     * Starts a new generation served until {@code nextDue} (null: nothing scheduled). A local
     * commit after {@code mark} may have scheduled something the listener's read could not see; it
     * already lowered the current limit, so that limit is kept when it is earlier.
     */
    public synchronized void refreshed(Instant nextDue, long mark) {
        Epoch e = epoch;
        Instant until = nextDue == null ? Instant.MAX : nextDue;
        if (e.localChanges() != mark && e.servesUntil().isBefore(until)) {
            until = e.servesUntil();
        }
        epoch = new Epoch(e.generation() + 1, until, e.localChanges());
        store.clear();
    }

    /**
     * A change committed on this instance: a new generation at once, without waiting for the
     * notification's round trip. {@code visibleAt} is when the changed content becomes public if that
     * is still ahead (a schedule), so the new generation ends no later than that.
     */
    public synchronized void changedLocally(Instant visibleAt) {
        Epoch e = epoch;
        Instant until = visibleAt != null && visibleAt.isBefore(e.servesUntil()) ? visibleAt : e.servesUntil();
        epoch = new Epoch(e.generation() + 1, until, e.localChanges() + 1);
        store.clear();
    }

    /** The listener lost its connection: changes elsewhere may go unseen, so serve nothing. */
    public synchronized void suspend() {
        Epoch e = epoch;
        epoch = new Epoch(e.generation() + 1, Instant.MIN, e.localChanges());
        store.clear();
    }
}
