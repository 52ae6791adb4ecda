package news.masthead.testsupport.processes;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for a condition until a deadline instead of sleeping for a guessed time. */
public final class Deadline {
    private static final long POLL_MILLIS = 25;

    private Deadline() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} and how long it waited. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what);
            }
            pause();
        }
    }

    /** Returns the first value {@code probe} gives that is not null; fails like {@link #await}. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
