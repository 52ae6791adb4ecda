package news.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.api.PublicUpdate;
import news.masthead.article.api.PublishRequest;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.time.Now;

/** The editorial use cases of one article: write, publish, schedule, unpublish, trash, restore. */
@ApplicationScoped
public class ArticleService {
    private static final Set<String> UPDATE_KINDS = Set.of("update", "correction");

    private final ArticleEditor editor;
    private final ArticleMapper mapper;
    private final StrictJson strict;
    private final Now clock;

    ArticleService(ArticleEditor editor, ArticleMapper mapper, StrictJson strict, Now clock) {
        this.editor = editor;
        this.mapper = mapper;
        this.strict = strict;
        this.clock = clock;
    }

    @Transactional
    public AdminArticleResponse create(ArticleWrite write) {
        ArticleEditor.Edit edit = editor.create(clock.instant());
        List<String> changed = editor.apply(edit.article(), write);
        return editor.record(edit, changed, ArticleEvent.Kind.CREATED);
    }

    /** JSON Merge Patch over the write fields; {@code updateNote} turns the change into a public update. */
    @Transactional
    public AdminArticleResponse patch(UUID id, String ifMatch, JsonNode body) {
        // updateNote and updateKind are written, never stored in the write representation: see publicUpdate.
        MergePatch<ArticleWrite> patch = MergePatch.of(body, ArticleWrite.class, "updateNote", "updateKind");
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        requireNotTrashed(a, now);
        PublicUpdate update = publicUpdate(a, now, patch.writeOnly("updateNote"), patch.writeOnly("updateKind"));
        ArticleWrite next = strict.merge(mapper.write(a), patch);
        List<String> changed = new ArrayList<>(editor.apply(a, next));
        if (update != null) {
            List<PublicUpdate> updates = new ArrayList<>(mapper.updates(a));
            updates.add(update);
            a.updates = mapper.toJson(updates);
            a.updatedAt = now;
            changed.add("updatedAt");
            changed.add("updates");
        }
        if (changed.isEmpty()) {
            return mapper.admin(a, now);
        }
        return editor.record(edit, changed, ArticleEvent.Kind.UPDATED);
    }

    @Transactional
    public AdminArticleResponse publish(UUID id, String ifMatch, PublishRequest request) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        ArticleStatus status = requireNotTrashed(a, now);
        Instant at = request == null ? null : request.at();
        Instant embargo = request == null ? null : request.embargoedUntil();
        if (embargo != null && !embargo.isAfter(now)) {
            throw new InvalidException("embargoedUntil", "must be in the future");
        }
        if (embargo != null && status == ArticleStatus.PUBLISHED) {
            throw new ConflictException("The article is already public; an embargo can no longer hold it back.");
        }
        List<String> changed = new ArrayList<>(List.of("status", "publishedAt"));
        if (!java.util.Objects.equals(embargo, a.embargoedUntil)) {
            a.embargoedUntil = embargo;
            changed.add("embargoedUntil");
        }
        if (at != null) {
            if (!at.isAfter(now)) {
                throw new InvalidException("at", "must be in the future; leave it out to publish now");
            }
            if (status == ArticleStatus.PUBLISHED) {
                throw new ConflictException("The article is already public; unpublish it before scheduling it.");
            }
            a.publishedAt = at;
            a.updatedAt = at;
        } else if (status == ArticleStatus.PUBLISHED) {
            return mapper.admin(a, now);
        } else if (embargo != null) {
            a.publishedAt = now;
            a.updatedAt = now;
        } else if (a.publishedAt == null || status == ArticleStatus.SCHEDULED) {
            a.publishedAt = now;
            a.updatedAt = now;
        }
        a.status = ArticleStatus.PUBLISHED.wire();
        return editor.record(edit, changed,
                at != null ? ArticleEvent.Kind.SCHEDULED : ArticleEvent.Kind.PUBLISHED);
    }

    @Transactional
    public AdminArticleResponse unpublish(UUID id, String ifMatch) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        ArticleStatus status = ArticleStatus.of(a, now);
        if (status == ArticleStatus.SCHEDULED) {
            // A schedule that never became public is cancelled outright.
            a.status = ArticleStatus.DRAFT.wire();
            a.publishedAt = null;
            a.updatedAt = null;
            a.embargoedUntil = null;
            return editor.record(edit, List.of("status", "publishedAt"), ArticleEvent.Kind.UNPUBLISHED);
        }
        if (status != ArticleStatus.PUBLISHED) {
            throw new ConflictException("The article is " + status.wire() + ", not published or scheduled.");
        }
        a.status = ArticleStatus.UNPUBLISHED.wire();
        return editor.record(edit, List.of("status"), ArticleEvent.Kind.UNPUBLISHED);
    }

    @Transactional
    public void trash(UUID id, String ifMatch) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        requireNotTrashed(a, now);
        a.status = ArticleStatus.TRASHED.wire();
        a.trashedAt = now;
        editor.record(edit, List.of("status"), ArticleEvent.Kind.TRASHED);
    }

    @Transactional
    public AdminArticleResponse restore(UUID id, String ifMatch) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        if (ArticleStatus.of(a, now) != ArticleStatus.TRASHED) {
            throw new ConflictException("Only an article in the trash can be restored.");
        }
        a.status = ArticleStatus.DRAFT.wire();
        a.trashedAt = null;
        return editor.record(edit, List.of("status"), ArticleEvent.Kind.RESTORED);
    }

    private static ArticleStatus requireNotTrashed(Article a, Instant now) {
        ArticleStatus status = ArticleStatus.of(a, now);
        if (status == ArticleStatus.TRASHED) {
            throw new ConflictException("The article is in the trash; restore it first.");
        }
        return status;
    }

    private static PublicUpdate publicUpdate(Article a, Instant now, JsonNode note, JsonNode kind) {
        if (note == null || note.isNull()) {
            if (kind != null && !kind.isNull()) {
                throw new InvalidException("updateKind", "needs an updateNote");
            }
            return null;
        }
        if (!note.isTextual() || note.asText().isBlank() || note.asText().length() > news.masthead.article.api.ArticleWrite.UPDATE_NOTE_MAX) {
            throw new InvalidException("updateNote", "must be a non-blank string of at most 1000 characters");
        }
        String k = kind == null || kind.isNull() ? "update" : kind.asText();
        if (kind != null && !kind.isNull() && (!kind.isTextual() || !UPDATE_KINDS.contains(k))) {
            throw new InvalidException("updateKind", "must be 'update' or 'correction'");
        }
        if (ArticleStatus.of(a, now) != ArticleStatus.PUBLISHED) {
            throw new InvalidException("updateNote", "applies only to a published article; edit drafts silently");
        }
        return new PublicUpdate(now, k, note.asText().strip());
    }
}
