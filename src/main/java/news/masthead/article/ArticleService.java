package news.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.api.KillRequest;
import news.masthead.article.api.PublishRequest;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.ForbiddenException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.time.Now;

/** The editorial use cases of one article: write, publish, schedule, unpublish, trash, kill, restore. */
@ApplicationScoped
public class ArticleService {
    private static final Set<String> UPDATE_KINDS = Set.of("update", "correction");

    private final ArticleEditor editor;
    private final ArticleMapper mapper;
    private final StrictJson strict;
    private final Now clock;
    private final Caller caller;

    ArticleService(ArticleEditor editor, ArticleMapper mapper, StrictJson strict, Now clock, Caller caller) {
        this.editor = editor;
        this.mapper = mapper;
        this.strict = strict;
        this.clock = clock;
        this.caller = caller;
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
        ArticleEditor.requireEditable(a, now);
        ArticleSnapshot.Update update = publicUpdate(a, now, patch.writeOnly("updateNote"), patch.writeOnly("updateKind"));
        ArticleWrite next = storyIsNotLive(strict.merge(mapper.write(a), patch), body);
        List<String> changed = new ArrayList<>(editor.apply(a, next));
        if (update != null) {
            List<ArticleSnapshot.Update> updates = new ArrayList<>(mapper.storedUpdates(a));
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
        ArticleStatus status = ArticleEditor.requireEditable(a, now);
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
        ArticleEditor.requireEditable(a, now);
        a.status = ArticleStatus.TRASHED.wire();
        a.trashedAt = now;
        editor.record(edit, List.of("status"), ArticleEvent.Kind.TRASHED);
    }

    /**
     * A legal takedown: the article leaves every public and partner channel at once (its slugs
     * answer 410, partners get a kill notice) and stays out until an admin restores it, as a
     * draft. Any status may be killed, so a story in the trash or unpublished can be made sure of
     * too; its revisions are kept (a killed article is never purged with the trash).
     */
    @Transactional
    public AdminArticleResponse kill(UUID id, String ifMatch, KillRequest request) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        if (ArticleStatus.of(a, now) == ArticleStatus.KILLED) {
            throw new ConflictException("The article is already killed.");
        }
        a.status = ArticleStatus.KILLED.wire();
        a.trashedAt = null;
        a.killedAt = now;
        a.killedBy = caller.name();
        a.killReason = request.reason().strip();
        return editor.record(edit, List.of("status", "killed"), ArticleEvent.Kind.KILLED);
    }

    /** From the trash (editors and admins) or from a kill (admins only) back to a draft. */
    @Transactional
    public AdminArticleResponse restore(UUID id, String ifMatch) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForWrite(id, ifMatch, now);
        Article a = edit.article();
        ArticleStatus status = ArticleStatus.of(a, now);
        List<String> changed = new ArrayList<>(List.of("status"));
        if (status == ArticleStatus.KILLED) {
            if (!caller.isAdmin()) {
                throw new ForbiddenException("Only an admin may restore a killed article.");
            }
            a.killedAt = null;
            a.killedBy = null;
            a.killReason = null;
            changed.add("killed");
        } else if (status != ArticleStatus.TRASHED) {
            throw new ConflictException("Only an article in the trash or killed can be restored.");
        }
        a.status = ArticleStatus.DRAFT.wire();
        a.trashedAt = null;
        return editor.record(edit, changed, ArticleEvent.Kind.RESTORED);
    }

    /**
     * Turning a liveblog into a story: its {@code live} came from the article, not the caller, and
     * goes with the kind. Said by the caller, {@code live: true} on a story stays the 400 it is.
     */
    private static ArticleWrite storyIsNotLive(ArticleWrite next, JsonNode patch) {
        if (ArticleKind.STORY.equals(next.kindOrStory()) && next.live() != null && !patch.has("live")) {
            return next.withLive(null);
        }
        return next;
    }

    private static ArticleSnapshot.Update publicUpdate(Article a, Instant now, JsonNode note, JsonNode kind) {
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
        return new ArticleSnapshot.Update(now, k, note.asText().strip());
    }
}
