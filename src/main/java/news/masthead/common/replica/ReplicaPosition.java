package news.masthead.common.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether the replica may answer a public read now, from what this instance knows: the primary's
 * WAL position after every change it has heard of ({@link #required}), and how far the replica has
 * replayed. Positions are byte offsets in the WAL ({@code pg_lsn - '0/0'}).
 *
 * <p>A change reaches an instance two ways. Its own commits: right after one, and before the cache
 * starts its new generation, {@link #localCommit()} holds every read on the primary until a
 * position read after that commit is known ({@link #heard}). Other instances' commits: the cache
 * notification arrives after the commit, and the listener reads the primary's position then,
 * before it starts the new generation. Either way a read of the new generation goes to the replica
 * only once the replica has replayed past the commit, so the cache is never refilled with an
 * answer from before the change. The position a notification itself carries was read inside the
 * writing transaction, before its commit record; it is a lower bound only.
 */
public final class ReplicaPosition {
    /**
     * At most this many lag samples are kept, so a replica that stays reachable but stops replaying
     * while the primary keeps writing cannot grow them without bound (a poll adds at most one).
     */
    static final int MAX_SAMPLES = 1024;

    private final Duration maxLag;
    private final boolean followChanges;

    private long localCommits;
    private long coveredCommits;
    private long required;
    private long replayed = -1;
    private Instant reachableAt;
    private long primary = -1;
    /** Primary positions seen and when, oldest first, while the replica has not replayed them: the lag. */
    private final Deque<Sample> behind = new ArrayDeque<>();

    private record Sample(long position, Instant seen) {
    }

    public ReplicaPosition(Duration maxLag, boolean followChanges) {
        this.maxLag = maxLag;
        this.followChanges = followChanges;
    }

    /**
     * A commit on this instance that changed public answers (call before its new cache generation
     * starts), or a notification of another's that has just arrived: either way a change whose
     * position has not been read yet.
     */
    public synchronized void localCommit() {
        localCommits++;
    }

    /** Taken before reading the primary's position; handed to {@link #heard} with it. */
    public synchronized long localCommitsSeen() {
        return localCommits;
    }

    /** {@code position}: the primary's, read after {@code commitsSeen} local commits and after every notification received so far. */
    public synchronized void heard(long position, long commitsSeen) {
        required = Math.max(required, position);
        coveredCommits = Math.max(coveredCommits, commitsSeen);
    }

    /** Whether a local commit awaits a primary position read after it. */
    public synchronized boolean localCommitUncovered() {
        return coveredCommits < localCommits;
    }

    /** The replica has replayed up to {@code replay}; the primary was at {@code primaryNow} (-1: not read). */
    public synchronized void replicaAt(long replay, long primaryNow, Instant now) {
        replayed = replay;
        reachableAt = now;
        if (primaryNow > primary) {
            primary = primaryNow;
            if (behind.size() < MAX_SAMPLES) {
                behind.addLast(new Sample(primaryNow, now));
            } else {
                // The newest sample takes the new position but keeps its earlier time: the lag
                // reported once the older samples are replayed can then only be too long, never too
                // short, so a coarse sample sends reads to the primary early rather than late.
                Sample newest = behind.removeLast();
                behind.addLast(new Sample(primaryNow, newest.seen()));
            }
        }
        while (!behind.isEmpty() && behind.peekFirst().position() <= replay) {
            behind.removeFirst();
        }
    }

    /** The replica could not be read: nothing goes there until it can. */
    public synchronized void unreachable() {
        reachableAt = null;
    }

    /**
     * How long the oldest primary position the replica has not replayed has been waiting; zero when
     * caught up; null when the replica could not be read lately (within the lag bound).
     */
    public synchronized Duration lag(Instant now) {
        if (reachableAt == null || Duration.between(reachableAt, now).compareTo(maxLag) > 0) {
            return null;
        }
        Sample oldest = behind.peekFirst();
        return oldest == null ? Duration.ZERO : Duration.between(oldest.seen(), now);
    }

    /** Bytes of WAL the primary had written beyond the replica's replay at the last poll. */
    public synchronized long lagBytes() {
        return replayed < 0 || primary < 0 ? 0 : Math.max(0, primary - replayed);
    }

    /** Whether the replica is reachable and within the lag bound. */
    public synchronized boolean healthy(Instant now) {
        Duration lag = lag(now);
        return lag != null && lag.compareTo(maxLag) <= 0;
    }

    /** Whether a public read may go to the replica now. */
    public synchronized boolean serves(Instant now) {
        if (!healthy(now)) {
            return false;
        }
        if (!followChanges) {
            return true;
        }
        return coveredCommits >= localCommits && replayed >= required;
    }

    /** How many lag samples are kept (for tests of the bound). */
    synchronized int samples() {
        return behind.size();
    }
}
