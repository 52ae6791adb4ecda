package news.masthead.common.cache;

import java.time.Instant;
import java.util.List;

/**
 * A committed-to-be change of public answers, fired by {@link ContentChanged} synchronously inside
 * the writing transaction: the surrogate keys of every answer it changes, and, for a change the
 * public sees only later (a schedule, an embargo), the instant it becomes visible. Features that
 * keep copies of public answers outside this process (the CDN purge outbox) observe it and write
 * what they need in the same transaction, so nothing is queued by a rollback and nothing is lost
 * by a commit. It lives in {@code common} so that observers depend on no feature that writes.
 *
 * @param keys      surrogate keys (see {@link SurrogateKeys}), each once
 * @param visibleAt when the change becomes visible to the public, if later than the commit; null
 *                  when it is visible at once
 */
public record PublicChange(List<String> keys, Instant visibleAt) {
    public PublicChange {
        keys = List.copyOf(keys);
    }
}
