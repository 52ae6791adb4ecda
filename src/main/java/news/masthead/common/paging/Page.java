package news.masthead.common.paging;

import java.util.List;
import java.util.function.Function;

/** The list envelope of the contract: {@code {"data": [...], "meta": {"limit", "nextCursor"}}}. */
public record Page<T>(List<T> data, PageMeta meta) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says that more exist. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> map, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(map).toList(), new PageMeta(limit, next));
    }

    public <U> Page<U> map(Function<T, U> f) {
        return new Page<>(data.stream().map(f).toList(), meta);
    }
}
