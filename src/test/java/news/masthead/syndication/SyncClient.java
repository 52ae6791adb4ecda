package news.masthead.syndication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.masthead.testsupport.TestHttp;

/** A partner's replica: follows the change cursor and applies what it is told, nothing more. */
final class SyncClient {
    final String secret;
    String cursor;
    final Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();

    SyncClient(String secret) {
        this.secret = secret;
    }

    /** Follows nextCursor until a page comes back empty; returns the changes seen. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sync() {
        List<Map<String, Object>> seen = new ArrayList<>();
        while (true) {
            String path = "/api/v1/syndication/changes?limit=50" + (cursor == null ? "" : "&cursor=" + TestHttp.encode(cursor));
            TestHttp.Reply page = TestHttp.get(path, secret);
            if (page.status() != 200) {
                throw new AssertionError("the change feed answered " + page.status() + ": " + page.body());
            }
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.body().get("data");
            String next = (String) ((Map<String, Object>) page.body().get("meta")).get("nextCursor");
            if (next == null) {
                throw new AssertionError("nextCursor must never be null");
            }
            cursor = next;
            for (Map<String, Object> change : data) {
                apply(change);
                seen.add(change);
            }
            if (data.isEmpty()) {
                return seen;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> change) {
        String id = (String) change.get("id");
        sequences.add(((Number) change.get("sequence")).longValue());
        if ("upsert".equals(change.get("type"))) {
            Map<String, Object> article = (Map<String, Object>) change.get("article");
            applied.add(id + "@" + article.get("revision"));
            copy.put(id, article);
        } else {
            applied.add(id + "@removal@" + change.get("reason"));
            copy.remove(id);
        }
    }
}
