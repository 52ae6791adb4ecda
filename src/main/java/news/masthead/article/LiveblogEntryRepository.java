package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LiveblogEntryRepository implements PanacheRepositoryBase<LiveblogEntry, UUID> {
    private static final String ENTRY_COLUMNS = "e.id as entry_id, e.published_at as published_at, "
            + "e.updated_at as updated_at, e.headline as headline, cast(e.body as text) as body, "
            + "e.key_event as key_event, e.pinned as pinned, "
            + "(select coalesce(json_agg(json_build_array(au.id, au.slug, au.name) order by ea.position), '[]') "
            + "from liveblog_entry_author ea join author au on au.id = ea.author_id where ea.entry_id = e.id) as bylines";

    private final ObjectMapper json;

    LiveblogEntryRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The entry {@code id} of the article {@code articleId}; an id of another article's entry is none. */
    public Optional<LiveblogEntry> findIn(UUID articleId, UUID id) {
        return find("id = ?1 and articleId = ?2", id, articleId).firstResultOptional();
    }

    /** Unpins the article's pinned entry, unless it is {@code keep}; before pinning another (one pinned at most). */
    public void unpinOthers(UUID articleId, UUID keep) {
        update("pinned = false where articleId = ?1 and pinned = true and id <> ?2", articleId, keep);
    }

    /**
     * One public page of the liveblog with this slug, and its pinned entry, in one statement, if
     * the one visibility predicate ({@link ArticleRepository#visibleSql}) admits the article now:
     * empty when it does not. Newest first; {@code limit + 1} entries so the caller can tell
     * whether more follow; from after {@code (afterAt, afterId)} when given, a keyset scan of
     * {@code liveblog_entry_newest_idx} (or its key-event twin) that costs the same on any page.
     */
    public Optional<PublicEntries> publicPage(String slug, boolean keyEvents, Instant afterAt, UUID afterId, int limit,
                                             Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("slug", slug);
        params.put("now", now);
        StringBuilder page = new StringBuilder("select ").append(ENTRY_COLUMNS)
                .append(", false as shown_pinned from liveblog_entry e where e.article_id = a.id");
        if (keyEvents) {
            page.append(" and e.key_event");
        }
        if (afterId != null) {
            page.append(" and (e.published_at, e.id) < (")
                    .append(ArticleRepository.unplannedSql(":afterAt", "timestamptz")).append(", ")
                    .append(ArticleRepository.unplannedSql(":afterId", "uuid")).append(")");
            params.put("afterAt", afterAt);
            params.put("afterId", afterId);
        }
        // The page size as a literal, as the article list has it: a bound LIMIT defeats the generic plan.
        page.append(" order by e.published_at desc, e.id desc fetch first ").append(Math.addExact(limit, 1)).append(" rows only");
        String sql = "select a.id as article_id, a.kind as kind, x.* from article a left join lateral (("
                + page + ") union all (select " + ENTRY_COLUMNS + ", true as shown_pinned from liveblog_entry e "
                + "where e.article_id = a.id and e.pinned)) x on true "
                + "where a.slug = :slug and " + ArticleRepository.visibleSql("a", ":now");
        List<PublicRows.Row> rows = PublicRows.query(getEntityManager(), sql, params, r -> r);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        PublicRows.Row first = rows.get(0);
        List<Shown> entries = new ArrayList<>();
        Shown pinned = null;
        for (PublicRows.Row r : rows) {
            if (r.uuid("entry_id") == null) {
                continue;
            }
            Shown e = new Shown(r.uuid("entry_id"), r.instant("published_at"), r.instant("updated_at"), r.text("headline"),
                    r.text("body"), r.bool("key_event"), r.bool("pinned"), bylines(r.text("bylines")));
            if (r.bool("shown_pinned")) {
                pinned = e;
            } else {
                entries.add(e);
            }
        }
        return Optional.of(new PublicEntries(first.uuid("article_id"), first.text("kind"), entries, pinned));
    }

    /** A visible liveblog's page of entries (limit + 1 rows at most) and its pinned entry (null: none). */
    public record PublicEntries(UUID articleId, String kind, List<Shown> page, Shown pinned) {
    }

    /** One entry as the public sees it: the body as stored JSON. */
    public record Shown(UUID id, Instant publishedAt, Instant updatedAt, String headline, String body, boolean keyEvent,
                        boolean pinned, List<PublicRows.Byline> bylines) {
    }

    private List<PublicRows.Byline> bylines(String aggregated) {
        try {
            List<PublicRows.Byline> bylines = new ArrayList<>();
            for (JsonNode b : json.readTree(aggregated)) {
                bylines.add(new PublicRows.Byline(UUID.fromString(b.get(0).asText()), b.get(1).asText(), b.get(2).asText()));
            }
            return bylines;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Aggregated bylines could not be read", e);
        }
    }
}
