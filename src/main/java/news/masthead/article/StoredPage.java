package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import news.masthead.common.paging.PageMeta;

/**
 * The list envelope of the contract ({@code {"data": [...], "meta": {...}}}) written around stored
 * documents as they are: the bytes {@link news.masthead.common.paging.Page} would give, without
 * parsing or mapping a row. The sameness test holds the two to the same bytes.
 */
final class StoredPage {
    private static final byte[] OPEN = utf8("{\"data\":[");
    private static final byte[] META = utf8("],\"meta\":");
    private static final String SNIPPET = ",\"snippet\":";

    private StoredPage() {
    }

    /** A page from {@code limit + 1} fetched rows: the extra row only says that more exist. */
    static <R> byte[] of(List<R> rows, int limit, Function<R, String> document, Function<R, String> cursorOf,
                         ObjectMapper json) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 1024 * shown.size());
        out.writeBytes(OPEN);
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(utf8(document.apply(shown.get(i))));
        }
        out.writeBytes(META);
        out.writeBytes(bytes(new PageMeta(limit, more ? cursorOf.apply(shown.get(shown.size() - 1)) : null), json));
        out.write('}');
        return out.toByteArray();
    }

    /**
     * A stored summary with a search hit's {@code snippet} (null: none): the summary's last member
     * is followed by it, as {@code ArticleSummaryResponse} orders its components.
     */
    static String withSnippet(String summary, String snippet, ObjectMapper json) {
        if (snippet == null) {
            return summary;
        }
        return summary.substring(0, summary.length() - 1) + SNIPPET
                + new String(bytes(snippet, json), StandardCharsets.UTF_8) + "}";
    }

    /** The surrogate keys a stored row names. */
    static List<String> keys(PublicRows.Stored row) {
        return Arrays.asList(row.keys().split(" "));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }
}
