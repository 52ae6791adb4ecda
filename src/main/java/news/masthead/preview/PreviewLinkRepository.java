package news.masthead.preview;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PreviewLinkRepository implements PanacheRepositoryBase<PreviewLink, UUID> {

    /** The live link with this secret's hash, if any. */
    public Optional<PreviewLink> findLive(String tokenHash, Instant now) {
        return find("tokenHash = :hash and expiresAt > :now", Parameters.with("hash", tokenHash).and("now", now))
                .firstResultOptional();
    }

    /** An article's live links, newest first; {@code limit + 1} after the cursor. */
    public List<PreviewLink> livePage(UUID articleId, Instant now, Instant afterAt, UUID afterId, int limit) {
        String where = "articleId = :article and expiresAt > :now";
        Parameters params = Parameters.with("article", articleId).and("now", now);
        if (afterId != null) {
            where += " and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))";
            params.and("afterAt", afterAt).and("afterId", afterId);
        }
        return find(where + " order by createdAt desc, id desc", params).page(0, limit + 1).list();
    }

    /** Links that can never open again; their rows only take space. */
    public long deleteExpired(UUID articleId, Instant now) {
        return delete("articleId = ?1 and expiresAt <= ?2", articleId, now);
    }
}
