package news.masthead.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;

/**
 * An article as it stood when one change was accepted: what a revision stores, what restoring
 * one reads back, and what {@link ArticleEvent} hands its observers.
 *
 * <p>This is a stored type, not an API record: the admin representation is mapped from it when it
 * is read ({@code ArticleMapper#admin}), so renaming or dropping an API field never touches a
 * stored revision. Names of people, sections and the copyright line are kept as they were then,
 * because a revision shows the article as it was. Any change to this shape is a new
 * {@link #SCHEMA} with its reader in {@link ArticleSnapshots}; the body keeps the blocks' own
 * stored form, the same as the {@code article.body} column.
 *
 * @param schema the shape's version, {@link #SCHEMA} for every snapshot written now
 * @param status the stored status ({@code draft}, {@code published}, {@code unpublished},
 *               {@code trashed}, {@code killed}); scheduled is derived from it and {@code visibleFrom}
 * @param kill   who killed it, when and why, while it is killed; null otherwise (and in every
 *               snapshot before schema 3)
 * @param kind   {@code story} or {@code liveblog}; {@code story} in every snapshot before schema 4
 * @param live   whether a liveblog took new entries; false for a story and before schema 4
 * @param leadImage the lead image; null when it has none (and in every snapshot before schema 4)
 * @param headlines the alternative headlines; null when it has none (and before schema 4)
 */
public record ArticleSnapshot(int schema, UUID id, String slug, String headline, String summary, List<Block> body,
                              Section section, List<Author> authors, List<String> tags, Notice copyright,
                              String status, Instant publishedAt, Instant updatedAt, Instant embargoedUntil,
                              Instant visibleFrom, Instant trashedAt, List<Update> updates, int revision,
                              Instant createdAt, String createdBy, Instant modifiedAt, String modifiedBy, Kill kill,
                              String kind, boolean live, LeadImage leadImage, Headlines headlines) {

    /**
     * 1: the admin API response, stored before snapshots had a type of their own (no
     * {@code schema} field; read by {@link ArticleSnapshots}). 2: this record without {@code kill}.
     * 3: without {@code kind}, {@code live}, {@code leadImage} and {@code headlines}. 4: this record.
     * A schema-2 snapshot reads as one of schema 3 whose article was not killed, and one of schema 2
     * or 3 as a story (there were no liveblogs before schema 4) without lead image and headlines.
     */
    public static final int SCHEMA = 4;

    public ArticleSnapshot {
        body = body == null ? List.of() : List.copyOf(body);
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        updates = updates == null ? List.of() : List.copyOf(updates);
        kind = kind == null ? ArticleKind.STORY : kind;
    }

    /** The status at {@code at}: scheduled while {@code visibleFrom} is ahead. */
    public ArticleStatus statusAt(Instant at) {
        return ArticleStatus.of(status, visibleFrom, at);
    }

    /** The article's section; {@code id} is null in snapshots of schema 1, which did not keep it. */
    public record Section(UUID id, String slug, String name) {
    }

    /** One author of the byline, in byline order; {@code id} is null in snapshots of schema 1. */
    public record Author(UUID id, String slug, String name) {
    }

    /** The copyright notice, with its line as it then read. */
    public record Notice(UUID id, String holder, int year, String notice, String usageTerms) {
    }

    /** A kill (a legal takedown): when, the name of the token that did it, and the reason it gave. */
    public record Kill(Instant at, String by, String reason) {
    }

    /**
     * The lead image as stored (the {@code article.lead_image} column and revisions): its own type,
     * so the API's {@code LeadImage} can change without touching stored rows.
     */
    public record LeadImage(String url, String alt, String caption, String credit, Integer width, Integer height) {
    }

    /** Alternative headlines as stored (the {@code article.headlines} column and revisions); each may be null. */
    public record Headlines(String seo, String social) {
    }

    /** A public update or correction note. */
    public record Update(Instant at, String kind, String note) {
    }
}
