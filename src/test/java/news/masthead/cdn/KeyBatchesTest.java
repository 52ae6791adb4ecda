package news.masthead.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBatchesTest {

    @Test
    void keysOfManyRowsAreSentOnceInFirstSeenOrder() {
        assertEquals(List.of(List.of("a", "b", "c")),
                KeyBatches.of(List.of(List.of("a", "b"), List.of("b", "c"), List.of("a")), new Purger.Limits(10, 100)));
    }

    @Test
    void batchesStayWithinTheByteLimitCountingSeparators() {
        // "aaaa bbbb" is 9 bytes: fits 9, not 8.
        assertEquals(List.of(List.of("aaaa", "bbbb"), List.of("cccc")),
                KeyBatches.of(List.of(List.of("aaaa", "bbbb", "cccc")), new Purger.Limits(10, 9)));
        assertEquals(List.of(List.of("aaaa"), List.of("bbbb"), List.of("cccc")),
                KeyBatches.of(List.of(List.of("aaaa", "bbbb", "cccc")), new Purger.Limits(10, 8)));
    }

    @Test
    void batchesStayWithinTheKeyLimit() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")),
                KeyBatches.of(List.of(List.of("a", "b", "c", "d", "e")), new Purger.Limits(2, 1000)));
    }

    @Test
    void aKeyLongerThanTheLimitStillGoesAloneRatherThanNever() {
        assertEquals(List.of(List.of("a"), List.of("toolongkey"), List.of("b")),
                KeyBatches.of(List.of(List.of("a", "toolongkey", "b")), new Purger.Limits(10, 5)));
    }

    @Test
    void noKeysMakeNoRequests() {
        assertEquals(List.of(), KeyBatches.of(List.of(), new Purger.Limits(10, 100)));
    }
}
