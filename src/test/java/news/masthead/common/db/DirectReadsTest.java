package news.masthead.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectReadsTest {

    @Test
    void namedParametersBecomePositionalInOrderOfAppearance() {
        List<Object> values = new ArrayList<>();
        String sql = DirectReads.positional("select * from t where a = :a and b < :b and c = :a", Map.of("a", 1, "b", 2), values);
        assertEquals("select * from t where a = ? and b < ? and c = ?", sql);
        assertEquals(List.of(1, 2, 1), values);
    }

    @Test
    void aCollectionExpandsToOnePlaceholderPerElement() {
        List<Object> values = new ArrayList<>();
        String sql = DirectReads.positional("select 1 where id in (:ids)", Map.of("ids", List.of("x", "y", "z")), values);
        assertEquals("select 1 where id in (?, ?, ?)", sql);
        assertEquals(List.of("x", "y", "z"), values);
    }

    @Test
    void castsQuotedTextAndQuotedNamesAreLeftAlone() {
        List<Object> values = new ArrayList<>();
        String sql = DirectReads.positional(
                "select x::text, ts_headline('english', b, q, 'StartSel=:a, Frag=\" … \"'), \"col:a\" from t where y = :a",
                Map.of("a", 5), values);
        assertEquals("select x::text, ts_headline('english', b, q, 'StartSel=:a, Frag=\" … \"'), \"col:a\" from t where y = ?", sql);
        assertEquals(List.of(5), values);
    }

    @Test
    void aParameterWithoutAValueOrAnEmptyCollectionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DirectReads.positional("select :missing", Map.of(), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class,
                () -> DirectReads.positional("select 1 where id in (:ids)", Map.of("ids", List.of()), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> DirectReads.positional("select 'open", Map.of(), new ArrayList<>()));
    }
}
