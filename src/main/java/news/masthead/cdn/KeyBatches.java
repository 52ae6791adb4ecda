package news.masthead.cdn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Merges the keys of many rows and splits them into as few requests as a {@link Purger}'s limits allow. */
final class KeyBatches {
    private KeyBatches() {
    }

    /** Each key once, in first-seen order, packed greedily; a key alone over the byte limit goes by itself. */
    static List<List<String>> of(Collection<? extends Collection<String>> keyLists, Purger.Limits limits) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        keyLists.forEach(all::addAll);
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String key : all) {
            int added = current.isEmpty() ? key.length() : bytes + 1 + key.length();
            if (!current.isEmpty() && (added > limits.maxBytes() || current.size() >= limits.maxKeys())) {
                batches.add(current);
                current = new ArrayList<>();
                added = key.length();
            }
            current.add(key);
            bytes = added;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
