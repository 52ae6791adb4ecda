package news.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.article.LiveblogEntryRepository.PublicEntries;
import news.masthead.article.LiveblogEntryRepository.Shown;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.EntryPage;
import news.masthead.article.api.EntryResponse;
import news.masthead.article.api.EntryWrite;
import news.masthead.author.Author;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.replica.ReplicaRead;
import news.masthead.common.time.Now;

/**
 * A liveblog's entries. Every entry write is a write of its article, through the one pipeline:
 * the article is checked as any article write is (desk scope, writer ownership) and locked
 * ({@link ArticleEditor#lockForEntry}, or for a new entry at the pipeline's end: {@link EntryLock}),
 * its {@code updatedAt} moves if it has been published, and
 * {@link ArticleEvent} ({@link ArticleEvent.Kind#ENTRY}) carries the change to every side effect
 * (caches and CDN, webhooks, partners, the stream). It is not a revision of the article: the
 * article's history, revision and ETag are its own fields', so an editor's If-Match on the running
 * story holds while entries are posted. The public page reads through the
 * one visibility predicate: entries are public exactly while their article is.
 */
@ApplicationScoped
public class LiveblogService {
    private final ArticleEditor editor;
    private final LiveblogEntryRepository entries;
    private final ArticleMapper mapper;
    private final StrictJson strict;
    private final Now clock;
    private final Caller caller;

    LiveblogService(ArticleEditor editor, LiveblogEntryRepository entries, ArticleMapper mapper, StrictJson strict,
                    Now clock, Caller caller) {
        this.editor = editor;
        this.entries = entries;
        this.mapper = mapper;
        this.strict = strict;
        this.clock = clock;
        this.caller = caller;
    }

    /**
     * Posts an entry, published at once; a 409 on a story, or on a liveblog that has ended. The
     * body is read after the access checks, so a caller who may not write learns nothing from it.
     * The liveblog's writers take turns on its row lock, so a new entry takes it only at the end of
     * the pipeline ({@link EntryLock}); one that is pinned changes another entry, and takes it
     * first, as changes to existing entries do.
     */
    @Transactional
    public EntryResponse create(UUID articleId, JsonNode body) {
        Instant now = clock.instant();
        Article read = editor.readForEntry(articleId, now);
        if (body == null || !body.isObject()) {
            throw new InvalidException("body", "must be a JSON object with the entry's fields");
        }
        EntryWrite write = strict.read(body, EntryWrite.class);
        Prepared prepared = prepare(write);
        ArticleEditor.Edit edit = write.isPinned() ? editor.lockForEntry(read, now) : editor.unlockedEntry(read, now);
        Article a = requireLiveblog(edit);
        if (!a.live) {
            throw new ConflictException("The liveblog has ended (live is false): it takes no new entries.");
        }
        LiveblogEntry e = new LiveblogEntry();
        e.id = UUID.randomUUID();
        e.articleId = a.id;
        e.publishedAt = now;
        e.createdBy = caller.name();
        apply(e, write, prepared, now);
        entries.persist(e);
        return recorded(edit, e);
    }

    /**
     * JSON Merge Patch over the entry's write fields; the entry keeps its id and publishedAt. The
     * lock comes first here: the patch merges into the entry as it is, which another write of it
     * must not change meanwhile.
     */
    @Transactional
    public EntryResponse patch(UUID articleId, UUID entryId, JsonNode body) {
        MergePatch<EntryWrite> patch = MergePatch.of(body, EntryWrite.class);
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForEntry(editor.readForEntry(articleId, now), now);
        requireLiveblog(edit);
        LiveblogEntry e = entries.findIn(articleId, entryId).orElseThrow(LiveblogService::noEntry);
        EntryWrite current = write(e);
        EntryWrite next = strict.merge(current, patch);
        if (same(current, next)) {
            return response(e);
        }
        apply(e, next, prepare(next), now);
        return recorded(edit, e);
    }

    /** Removes the entry for good. */
    @Transactional
    public void delete(UUID articleId, UUID entryId) {
        Instant now = clock.instant();
        ArticleEditor.Edit edit = editor.lockForEntry(editor.readForEntry(articleId, now), now);
        requireLiveblog(edit);
        LiveblogEntry e = entries.findIn(articleId, entryId).orElseThrow(LiveblogService::noEntry);
        entries.delete(e);
        editor.recordEntry(edit, e.id);
    }

    /**
     * A page of the entries of the public liveblog {@code slug}, newest first, with its pinned
     * entry in {@code meta}. Tagged with the article's key (every entry write publishes it) and
     * those of the authors shown. Runs without a transaction, as every public read does.
     */
    @ReplicaRead
    public Tagged<EntryPage> publicPage(String slug, String limit, String cursor, String keyEvents) {
        boolean onlyKeyEvents = keyEvents(keyEvents);
        KeysetPage page = KeysetPage.parse(limit, cursor);
        PublicEntries found = entries
                .publicPage(slug, onlyKeyEvents, page.afterAt(), page.afterId(), page.limit(), clock.instant())
                .filter(p -> ArticleKind.LIVEBLOG.equals(p.kind()))
                .orElseThrow(() -> new NotFoundException("No published liveblog has this slug."));
        List<Shown> rows = found.page();
        boolean more = rows.size() > page.limit();
        List<Shown> shown = more ? rows.subList(0, page.limit()) : rows;
        Shown last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? KeysetPage.cursor(last.publishedAt(), last.id()) : null;
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.article(found.articleId()));
        shown.forEach(e -> e.bylines().forEach(b -> keys.add(SurrogateKeys.author(b.authorId()))));
        if (found.pinned() != null) {
            found.pinned().bylines().forEach(b -> keys.add(SurrogateKeys.author(b.authorId())));
        }
        EntryPage body = new EntryPage(shown.stream().map(this::response).toList(),
                new EntryPage.Meta(page.limit(), next, found.pinned() == null ? null : response(found.pinned())));
        return Tagged.of(body, keys);
    }

    /**
     * The {@code n} newest entries of the public liveblog {@code slug}, newest first, for its
     * JSON-LD: the entries page's one statement (the same visibility, the same keyset index),
     * tagged with the keys of the authors shown. Empty when the slug names no visible liveblog.
     */
    @ReplicaRead
    public Tagged<List<EntryResponse>> newestPublic(String slug, int n) {
        List<Shown> rows = entries.publicPage(slug, false, null, null, n, clock.instant())
                .filter(p -> ArticleKind.LIVEBLOG.equals(p.kind()))
                .map(PublicEntries::page).orElse(List.of());
        List<Shown> shown = rows.size() > n ? rows.subList(0, n) : rows;
        Set<String> keys = new LinkedHashSet<>();
        shown.forEach(e -> e.bylines().forEach(b -> keys.add(SurrogateKeys.author(b.authorId()))));
        return Tagged.of(shown.stream().map(this::response).toList(), keys);
    }

    private Article requireLiveblog(ArticleEditor.Edit edit) {
        Article a = edit.article();
        ArticleEditor.requireEditable(a, edit.at());
        if (!ArticleKind.LIVEBLOG.equals(a.kind)) {
            throw new ConflictException("The article is a story; only a liveblog has entries.");
        }
        return a;
    }

    /** What a write's fields become as stored: the body sanitized, the byline's authors looked up. */
    private record Prepared(String body, List<Author> byline) {
    }

    private Prepared prepare(EntryWrite w) {
        return new Prepared(mapper.toJson(editor.sanitized(w.body())), editor.byline(w.authorsOrEmpty()));
    }

    /** Writes the fields; pinning unpins the liveblog's other pinned entry first (at most one is). */
    private void apply(LiveblogEntry e, EntryWrite w, Prepared p, Instant now) {
        if (w.isPinned() && !e.pinned) {
            entries.unpinOthers(e.articleId, e.id);
        }
        e.headline = w.headline() == null || w.headline().isBlank() ? null : w.headline().strip();
        e.body = p.body();
        e.authors = new ArrayList<>(p.byline());
        e.keyEvent = w.isKeyEvent();
        e.pinned = w.isPinned();
        e.updatedAt = now;
        e.modifiedBy = caller.name();
    }

    /** The entry write as an article write: its updatedAt moves, and the pipeline's event names the entry. */
    private EntryResponse recorded(ArticleEditor.Edit edit, LiveblogEntry e) {
        editor.recordEntry(edit, e.id);
        return response(e);
    }

    /** Compared as sanitized blocks and normalized fields: a patch that changes nothing is no write. */
    private boolean same(EntryWrite current, EntryWrite next) {
        return Objects.equals(current.headline(), blankToNull(next.headline()))
                && current.body().equals(editor.sanitized(next.body()))
                && current.authorsOrEmpty().equals(next.authorsOrEmpty())
                && current.isKeyEvent() == next.isKeyEvent() && current.isPinned() == next.isPinned();
    }

    private EntryWrite write(LiveblogEntry e) {
        return new EntryWrite(e.headline, mapper.blocks(e.body), e.authors.stream().map(au -> au.slug).toList(),
                e.keyEvent, e.pinned);
    }

    private EntryResponse response(LiveblogEntry e) {
        return new EntryResponse(e.id, e.publishedAt, e.updatedAt, e.headline, mapper.blocks(e.body),
                e.authors.stream().map(au -> new AuthorRef(au.slug, au.name)).toList(), e.keyEvent, e.pinned);
    }

    private EntryResponse response(Shown e) {
        return new EntryResponse(e.id(), e.publishedAt(), e.updatedAt(), e.headline(), mapper.blocks(e.body()),
                e.bylines().stream().map(b -> new AuthorRef(b.slug(), b.name())).toList(), e.keyEvent(), e.pinned());
    }

    private static boolean keyEvents(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidException("keyEvents", "must be true or false");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static NotFoundException noEntry() {
        return new NotFoundException("This liveblog has no entry with this id.");
    }
}
