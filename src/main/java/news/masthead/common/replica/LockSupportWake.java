package news.masthead.common.replica;

import java.util.concurrent.locks.LockSupport;

/** Parks the monitor between polls; a local commit unparks it so its position is read at once. */
final class LockSupportWake {
    private LockSupportWake() {
    }

    static void park(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
    }

    static void wake(Thread thread) {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
