package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import news.masthead.access.Caller;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.api.Headlines;
import news.masthead.article.api.LeadImage;
import news.masthead.article.body.Block;
import news.masthead.article.body.Sanitizer;
import news.masthead.article.body.SearchText;
import news.masthead.author.Author;
import news.masthead.author.AuthorRepository;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.IfMatch;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.Slugs;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.copyright.CopyrightNoticeRepository;
import news.masthead.section.Section;
import news.masthead.section.SectionRepository;

/**
 * The steps every article write shares: lock and check the revision (or start a new article),
 * apply a write body, and record the accepted change by firing {@link ArticleEvent}, whose
 * observers append the revision and every other side effect. Callers hold the transaction.
 */
@ApplicationScoped
class ArticleEditor {
    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final SectionRepository sections;
    private final CopyrightNoticeRepository notices;
    private final Sanitizer sanitizer;
    private final ArticleMapper mapper;
    private final Caller caller;
    private final ArticleAccess access;
    private final Event<ArticleEvent> events;

    ArticleEditor(ArticleRepository articles, AuthorRepository authors, SectionRepository sections,
                  CopyrightNoticeRepository notices, Sanitizer sanitizer, ArticleMapper mapper, Caller caller,
                  ArticleAccess access, Event<ArticleEvent> events) {
        this.articles = articles;
        this.authors = authors;
        this.sections = sections;
        this.notices = notices;
        this.sanitizer = sanitizer;
        this.mapper = mapper;
        this.caller = caller;
        this.access = access;
        this.events = events;
    }

    /**
     * One write in progress: the article it changes, the instant of the write, and where the
     * article stood for the public when the write began (the event reports before and after).
     */
    record Edit(Article article, Instant at, ArticleEvent.Standing before, boolean created) {
    }

    /** A new draft owned by the calling token, to be filled by {@link #apply} and saved by {@link #record}. */
    Edit create(Instant now) {
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.status = ArticleStatus.DRAFT.wire();
        a.createdAt = now;
        a.createdBy = caller.name();
        a.ownerTokenId = access.ownerToken().orElse(null);
        return new Edit(a, now, ArticleEvent.Standing.NEW, true);
    }

    /**
     * Locks the row for this transaction, checks the caller may write it, then compares revisions:
     * no two writers can interleave between the check and the write.
     */
    Edit lockForWrite(UUID id, String ifMatch, Instant now) {
        Article a = access.readable(articles.findForUpdate(id));
        access.requireWritable(a, now);
        IfMatch.check(ifMatch, a.revision);
        return new Edit(a, now, ArticleEvent.Standing.of(a, now), false);
    }

    /**
     * The first, unlocked look of a write to one of the article's liveblog entries: desk scope and
     * writer ownership as for any write (404, 403) before the caller's body is read, so a caller
     * who may not write learns nothing from it. {@link #lockForEntry} decides again under the lock.
     */
    Article readForEntry(UUID id, Instant now) {
        Article a = access.readable(articles.findByIdOptional(id));
        access.requireWritable(a, now);
        return a;
    }

    /**
     * A new entry that changes no other (see {@link #lockForEntry} for the rest): it goes ahead
     * without the article's lock, which the pipeline takes at its end ({@link EntryLock}), checking
     * that the article is still the revision read here.
     */
    Edit unlockedEntry(Article read, Instant now) {
        return new Edit(read, now, ArticleEvent.Standing.of(read, now), false);
    }

    /**
     * {@link #lockForWrite} for a write to one of the article's liveblog entries: the same lock,
     * desk scope and writer ownership, but no If-Match, since an entry is not the article's body
     * and a live desk posting entries must not race the article's revision.
     *
     * <p>It re-reads the article {@link #readForEntry} read, locked, and checks it again: it may
     * have changed since.
     */
    Edit lockForEntry(Article read, Instant now) {
        Article a = articles.lockFresh(read).orElseThrow(() -> new NotFoundException("No article has this id."));
        access.readable(Optional.of(a));
        access.requireWritable(a, now);
        return new Edit(a, now, ArticleEvent.Standing.of(a, now), false);
    }

    /**
     * A trashed or killed article is frozen: no edit, publish or trashing until it is restored
     * (a killed one only by an admin). Answers its status otherwise.
     */
    static ArticleStatus requireEditable(Article a, Instant now) {
        ArticleStatus status = ArticleStatus.of(a, now);
        if (status == ArticleStatus.TRASHED) {
            throw new ConflictException("The article is in the trash; restore it first.");
        }
        if (status == ArticleStatus.KILLED) {
            throw new ConflictException("The article was killed; only an admin may restore it, as a draft.");
        }
        return status;
    }

    /** Applies a full write body and names the fields whose value changed. */
    List<String> apply(Article a, ArticleWrite w) {
        List<String> changed = new ArrayList<>();
        String slug = slugFor(a, w);
        if (!slug.equals(a.slug)) {
            moveSlug(a, slug);
            changed.add("slug");
        }
        set(changed, "headline", a.headline, w.headline().strip(), v -> a.headline = v);
        set(changed, "summary", a.summary, blankToNull(w.summary()), v -> a.summary = v);
        // Compared as blocks: jsonb hands text back with its own spacing and key order.
        set(changed, "body", a.body == null ? null : mapper.body(a), sanitized(w.bodyOrEmpty()), v -> {
            a.body = mapper.toJson(v);
            a.bodyText = SearchText.of(v);
        });
        // An edit names the article's section, authors and notice again as they are (a merge patch
        // keeps what it leaves out): those are the ones loaded with it, and a lookup of each, with
        // the automatic flush before it, was a tenth of an edit's Java time.
        Section section = w.section() == null ? null : a.section != null && w.section().equals(a.section.slug)
                ? a.section : sections.findBySlug(w.section())
                .orElseThrow(() -> new InvalidException("section", "names no section: '" + w.section() + "'"));
        access.requireSectionAllowed(section);
        set(changed, "section", idOf(a.section), idOf(section), v -> a.section = section);
        List<Author> byline = a.authors.stream().map(au -> au.slug).toList().equals(w.authorsOrEmpty())
                ? a.authors : byline(w.authorsOrEmpty());
        set(changed, "authors", a.authors.stream().map(au -> au.id).toList(), byline.stream().map(au -> au.id).toList(),
                v -> a.authors = new ArrayList<>(byline));
        List<String> tags = normalizedTags(w.tagsOrEmpty());
        set(changed, "tags", a.tags == null ? null : Arrays.asList(a.tags), tags, v -> a.tags = v.toArray(String[]::new));
        CopyrightNotice notice = a.copyrightNotice != null && a.copyrightNotice.id.equals(w.copyrightNotice())
                ? a.copyrightNotice : notice(w.copyrightNotice());
        set(changed, "copyrightNotice", a.copyrightNotice == null ? null : a.copyrightNotice.id, notice.id,
                v -> a.copyrightNotice = notice);
        String kind = w.kindOrStory();
        boolean live = live(kind, w.live());
        set(changed, "kind", a.kind, kind, v -> a.kind = v);
        set(changed, "live", a.live, live, v -> a.live = v);
        set(changed, "leadImage", mapper.storedLeadImage(a.leadImage), leadImage(w.leadImage()),
                v -> a.leadImage = v == null ? null : mapper.toJson(v));
        set(changed, "headlines", mapper.storedHeadlines(a.headlines), headlines(w.headlines()),
                v -> a.headlines = v == null ? null : mapper.toJson(v));
        return changed;
    }

    /** The image as stored: text stripped, an empty caption or credit left out. */
    private static ArticleSnapshot.LeadImage leadImage(LeadImage i) {
        return i == null ? null : new ArticleSnapshot.LeadImage(i.url().strip(), i.alt().strip(), blankToNull(i.caption()),
                blankToNull(i.credit()), i.width(), i.height());
    }

    /** Headlines as stored: an empty one is no headline, and none at all is null. */
    private static ArticleSnapshot.Headlines headlines(Headlines h) {
        if (h == null || blankToNull(h.seo()) == null && blankToNull(h.social()) == null) {
            return null;
        }
        return new ArticleSnapshot.Headlines(blankToNull(h.seo()), blankToNull(h.social()));
    }

    /**
     * Accepts the change: a new revision number, the one stamp of who and when, the row written
     * (so the database has computed visible_from), then {@link ArticleEvent} to its observers, all
     * in the caller's transaction. Answers the article as it now is.
     */
    AdminArticleResponse record(Edit edit, List<String> changed, ArticleEvent.Kind kind) {
        Article a = edit.article();
        a.revision++;
        a.modifiedAt = edit.at();
        a.modifiedBy = caller.name();
        if (edit.created()) {
            articles.persist(a);
        }
        articles.planOnce();
        articles.flush();
        ArticleSnapshot snapshot = mapper.snapshot(a);
        events.fire(new ArticleEvent(a.id, a.slug, kind, a.revision, edit.at(), a.modifiedBy, changed, edit.before(),
                ArticleEvent.Standing.of(a, edit.at()), snapshot, null));
        return mapper.admin(snapshot, edit.at());
    }

    /** The name of the field an entry write moves, in the event's {@code changed}. */
    static final String UPDATED_AT = "updatedAt";

    /**
     * Accepts a write to the liveblog entry {@code entry}: to the public and partners a change of
     * the article, which moves its {@code updatedAt} once it has been published (a draft's is set
     * when it is published; a scheduled one's is that instant); to the newsroom none, so it keeps
     * its revision and stamps ({@link ArticleEvent#isRevision()}) and the event carries no snapshot.
     */
    void recordEntry(Edit edit, UUID entry) {
        Article a = edit.article();
        List<String> changed = new ArrayList<>(List.of("entries"));
        ArticleStatus status = edit.before().status();
        if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.UNPUBLISHED) {
            // Written with the row lock, by EntryLock.
            changed.add(UPDATED_AT);
        }
        articles.planOnce();
        articles.flush();
        events.fire(new ArticleEvent(a.id, a.slug, ArticleEvent.Kind.ENTRY, a.revision, edit.at(), caller.name(), changed,
                edit.before(), ArticleEvent.Standing.of(a, edit.at()), null, entry));
    }

    private String slugFor(Article a, ArticleWrite w) {
        boolean headlineUnchanged = a.headline != null && a.headline.equals(w.headline().strip());
        return Slugs.choose(w.slug(), a.slug, headlineUnchanged, w.headline(), "article",
                candidate -> articles.slugTaken(candidate, a.id));
    }

    /** Only a published article leaves its old slug behind as a redirect: a draft's slug was never public. */
    private void moveSlug(Article a, String slug) {
        if (a.slug != null) {
            // Taking back one of its own old slugs ends that redirect.
            articles.deleteRedirect(slug, a.id);
        }
        if (a.slug != null && a.publishedAt != null) {
            articles.addRedirect(a.slug, a);
        }
        a.slug = slug;
    }

    /** Every block through the one {@code Sanitizer}, as an article body is. */
    List<Block> sanitized(List<Block> body) {
        return body.stream().map(b -> b.sanitized(sanitizer)).toList();
    }

    /** The authors these slugs name, in order, each once; a slug that names none is a 400 on {@code authors}. */
    List<Author> byline(List<String> slugs) {
        List<Author> byline = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            Author author = authors.findBySlug(slug)
                    .orElseThrow(() -> new InvalidException("authors", "names no author: '" + slug + "'"));
            if (!byline.contains(author)) {
                byline.add(author);
            }
        }
        return byline;
    }

    private CopyrightNotice notice(UUID id) {
        if (id != null) {
            return notices.findByIdOptional(id)
                    .orElseThrow(() -> new InvalidException("copyrightNotice", "names no copyright notice"));
        }
        return notices.findDefault().orElseThrow(() -> new InvalidException("copyrightNotice",
                "is required while no copyright notice is the default"));
    }

    private static List<String> normalizedTags(List<String> tags) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String t : tags) {
            set.add(t.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(set);
    }

    /** A liveblog is live unless the write ends it; a story never is. */
    private static boolean live(String kind, Boolean live) {
        if (ArticleKind.LIVEBLOG.equals(kind)) {
            return live == null || live;
        }
        if (Boolean.TRUE.equals(live)) {
            throw new InvalidException("live", "applies only to a liveblog; a story is never live");
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Writes only what differs, so an unchanged byline is not rewritten row by row. */
    private static <T> void set(List<String> changed, String field, Object before, T after, Consumer<T> write) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
            write.accept(after);
        }
    }

    private static UUID idOf(Section s) {
        return s == null ? null : s.id;
    }
}
