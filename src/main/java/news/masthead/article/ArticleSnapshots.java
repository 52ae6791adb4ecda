package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;

/**
 * Writes revision snapshots in the current shape and reads every shape ever stored.
 *
 * <p>Why a reader that knows each version rather than a migration that rewrites old rows:
 * {@code article_revision} is the largest table (one row per accepted change), and rewriting all
 * of it would hold row locks and write the whole table again for no reader's benefit. More
 * importantly, old shapes keep arriving after any migration has run: {@code --import} loads
 * archives exported by earlier versions verbatim, revisions included. A reader handles them
 * whenever they come; a migration would have handled them once.
 *
 * <p>Reading is tolerant: a property the reader does not know is ignored, since it carries nothing
 * this version needs (strict reading of stored data is what made old revisions unreadable once an
 * API field changed). Writing is always {@link ArticleSnapshot#SCHEMA}.
 */
@ApplicationScoped
public class ArticleSnapshots {
    private final ObjectMapper json;
    private final ObjectReader current;
    private final ObjectReader legacy;

    ArticleSnapshots(ObjectMapper json) {
        this.json = json;
        this.current = json.readerFor(ArticleSnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.legacy = json.readerFor(V1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(ArticleSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot could not be written", e);
        }
    }

    public ArticleSnapshot read(String stored) {
        try {
            JsonNode tree = json.readTree(stored);
            JsonNode schema = tree.get("schema");
            if (schema == null) {
                return legacy.<V1>readValue(tree).upgraded();
            }
            // Schema 3 only added kill, which a schema-2 snapshot lacks because its article was not killed;
            // schema 4 kind, live, leadImage and headlines, which read as a story's without them when absent.
            if (schema.asInt() >= 2 && schema.asInt() <= ArticleSnapshot.SCHEMA) {
                return current.readValue(tree);
            }
            throw new IllegalStateException("Snapshot schema " + schema + " is newer than this Masthead knows ("
                    + ArticleSnapshot.SCHEMA + "); was it written by a later version?");
        } catch (IOException e) {
            throw new IllegalStateException("A stored snapshot could not be read", e);
        }
    }

    /**
     * Schema 1, frozen: the admin response as it was stored until snapshots got their own type
     * (commit 857d19d and before). Its own records, not the API's, so that a change to the API can
     * never again change how these rows read.
     *
     * @param status the status as the admin API reported it at the time, so possibly
     *               {@code scheduled}, which is not a stored status
     * @param scheduledAt when a scheduled article was to become public; null otherwise
     */
    record V1(UUID id, String slug, String headline, String summary, V1Section section, List<V1Author> authors,
              List<String> tags, List<Block> body, UUID copyrightNotice, V1Copyright copyright, Instant publishedAt,
              Instant updatedAt, List<V1Update> updates, String status, int revision, Instant createdAt,
              String createdBy, Instant modifiedAt, String modifiedBy, Instant scheduledAt, Instant embargoedUntil) {

        record V1Section(String slug, String name) {
        }

        record V1Author(String slug, String name) {
        }

        record V1Copyright(String holder, int year, String notice, String usageTerms) {
        }

        record V1Update(Instant at, String kind, String note) {
        }

        ArticleSnapshot upgraded() {
            boolean scheduled = "scheduled".equals(status);
            // visible_from is generated as greatest(published_at, embargoed_until); a scheduled
            // article's was reported as scheduledAt.
            Instant visibleFrom = scheduled && scheduledAt != null ? scheduledAt : later(publishedAt, embargoedUntil);
            return new ArticleSnapshot(1, id, slug, headline, summary, body,
                    section == null ? null : new ArticleSnapshot.Section(null, section.slug(), section.name()),
                    authors == null ? null : authors.stream().map(a -> new ArticleSnapshot.Author(null, a.slug(), a.name())).toList(),
                    tags,
                    copyright == null ? null : new ArticleSnapshot.Notice(copyrightNotice, copyright.holder(), copyright.year(),
                            copyright.notice(), copyright.usageTerms()),
                    scheduled ? ArticleStatus.PUBLISHED.wire() : status, publishedAt, updatedAt, embargoedUntil,
                    visibleFrom, null,
                    updates == null ? null : updates.stream().map(u -> new ArticleSnapshot.Update(u.at(), u.kind(), u.note())).toList(),
                    revision, createdAt, createdBy, modifiedAt, modifiedBy, null, ArticleKind.STORY, false, null, null);
        }

        /** As PostgreSQL's greatest: nulls are ignored. */
        private static Instant later(Instant a, Instant b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.isAfter(b) ? a : b;
        }
    }
}
