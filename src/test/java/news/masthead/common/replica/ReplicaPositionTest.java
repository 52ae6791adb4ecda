package news.masthead.common.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rule that keeps a lagging replica from refilling the content cache, on positions alone. */
class ReplicaPositionTest {
    private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void replicaServesNothingUntilItHasBeenRead() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        assertFalse(p.serves(T));
        assertNull(p.lag(T));
        p.replicaAt(100, 100, T);
        assertTrue(p.serves(T));
        assertEquals(Duration.ZERO, p.lag(T));
    }

    @Test
    void aChangeHeardFromAnotherInstanceKeepsReadsOnThePrimaryUntilTheReplicaReplaysIt() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        p.replicaAt(100, 100, T);
        p.heard(250, p.localCommitsSeen());
        assertFalse(p.serves(T), "the replica has not replayed the commit: a refill from it would be stale");
        p.replicaAt(249, 250, T.plusMillis(300));
        assertFalse(p.serves(T.plusMillis(300)));
        p.replicaAt(250, 250, T.plusMillis(600));
        assertTrue(p.serves(T.plusMillis(600)));
    }

    @Test
    void withoutTheRuleTheLaggingReplicaWouldAnswerRightAfterTheChange() {
        // The toggle the multi-process test turns off to show the stale refill it prevents.
        ReplicaPosition p = new ReplicaPosition(BOUND, false);
        p.replicaAt(100, 100, T);
        p.heard(250, p.localCommitsSeen());
        assertTrue(p.serves(T));
    }

    @Test
    void aLocalCommitHoldsReadsOnThePrimaryUntilAPositionReadAfterItIsKnown() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        p.replicaAt(100, 100, T);
        long seenBefore = p.localCommitsSeen();
        p.localCommit();
        assertFalse(p.serves(T), "the commit's position is not known yet");
        // A position read before the commit covers nothing, however high it is.
        p.heard(120, seenBefore);
        assertTrue(p.localCommitUncovered());
        assertFalse(p.serves(T));
        long seen = p.localCommitsSeen();
        p.heard(300, seen);
        assertFalse(p.localCommitUncovered());
        assertFalse(p.serves(T));
        p.replicaAt(300, 300, T.plusMillis(500));
        assertTrue(p.serves(T.plusMillis(500)));
    }

    @Test
    void lagIsHowLongTheOldestUnreplayedPrimaryPositionHasWaited() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        p.replicaAt(100, 100, T);
        p.replicaAt(100, 200, T.plusSeconds(1));
        p.replicaAt(100, 300, T.plusSeconds(2));
        assertEquals(Duration.ofSeconds(2), p.lag(T.plusSeconds(3)));
        assertEquals(200, p.lagBytes());
        p.replicaAt(200, 300, T.plusSeconds(4));
        assertEquals(Duration.ofSeconds(2), p.lag(T.plusSeconds(4)), "the write seen at 2 s now waits the longest");
        p.replicaAt(300, 300, T.plusSeconds(5));
        assertEquals(Duration.ZERO, p.lag(T.plusSeconds(5)));
    }

    @Test
    void pastTheLagBoundReadsFallBackToThePrimary() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        p.replicaAt(100, 100, T);
        p.replicaAt(100, 200, T.plusSeconds(1));
        assertTrue(p.serves(T.plusSeconds(6)), "5 s behind: at the bound");
        p.replicaAt(100, 200, T.plusSeconds(7));
        assertFalse(p.healthy(T.plusSeconds(7)));
        assertFalse(p.serves(T.plusSeconds(7)));
    }

    @Test
    void anUnreachableOrSilentReplicaServesNothing() {
        ReplicaPosition p = new ReplicaPosition(BOUND, true);
        p.replicaAt(100, 100, T);
        p.unreachable();
        assertFalse(p.serves(T));
        p.replicaAt(100, 100, T);
        assertFalse(p.serves(T.plusSeconds(6)), "no poll for longer than the bound");
    }

    @Test
    void aReplicaThatStopsReplayingKeepsABoundedNumberOfSamplesAndItsLagIsNeverUnderstated() {
        ReplicaPosition p = new ReplicaPosition(Duration.ofDays(1), true);
        p.replicaAt(0, 0, T);
        int polls = ReplicaPosition.MAX_SAMPLES * 10;
        for (int i = 1; i <= polls; i++) {
            p.replicaAt(0, i * 100L, T.plusSeconds(i));
        }
        assertEquals(ReplicaPosition.MAX_SAMPLES, p.samples());
        assertEquals(Duration.ofSeconds(polls), p.lag(T.plusSeconds(polls + 1L)), "waiting since the first unreplayed write, at 1 s");
        // Replayed up to just past the last sample that was kept whole: what waits now is the write
        // seen at MAX_SAMPLES s (merged with everything after it), never a later one.
        p.replicaAt(100L * ReplicaPosition.MAX_SAMPLES - 1, polls * 100L, T.plusSeconds(polls + 1L));
        assertEquals(Duration.ofSeconds(polls + 1L - ReplicaPosition.MAX_SAMPLES), p.lag(T.plusSeconds(polls + 1L)));
        p.replicaAt(polls * 100L, polls * 100L, T.plusSeconds(polls + 2L));
        assertEquals(Duration.ZERO, p.lag(T.plusSeconds(polls + 2L)));
        assertEquals(0, p.samples());
    }
}
