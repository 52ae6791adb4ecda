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
import java.util.UUID;
import java.util.function.Consumer;
import news.masthead.access.Caller;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.body.Block;
import news.masthead.article.body.Sanitizer;
import news.masthead.article.body.SearchText;
import news.masthead.author.Author;
import news.masthead.author.AuthorRepository;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.error.InvalidException;
import news.masthead.common.json.Slugs;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.copyright.CopyrightNoticeRepository;
import news.masthead.section.Section;
import news.masthead.section.SectionRepository;

/**
 * The steps every article write shares: lock and check the revision, apply a write body, and
 * record the accepted change as a new revision. Callers hold the transaction.
 */
@ApplicationScoped
class ArticleEditor {
    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final AuthorRepository authors;
    private final SectionRepository sections;
    private final CopyrightNoticeRepository notices;
    private final Sanitizer sanitizer;
    private final ArticleMapper mapper;
    private final Caller caller;
    private final ArticleAccess access;
    private final Event<ArticleEvent> events;
    private final ContentChanged contentChanged;

    ArticleEditor(ArticleRepository articles, ArticleRevisionRepository revisions, AuthorRepository authors,
                  SectionRepository sections, CopyrightNoticeRepository notices, Sanitizer sanitizer,
                  ArticleMapper mapper, Caller caller, ArticleAccess access, Event<ArticleEvent> events,
                  ContentChanged contentChanged) {
        this.contentChanged = contentChanged;
        this.articles = articles;
        this.revisions = revisions;
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
     * Locks the row for this transaction, checks the caller may write it, then compares revisions:
     * no two writers can interleave between the check and the write.
     */
    Article lockForWrite(UUID id, String ifMatch, Instant now) {
        Article a = access.readable(articles.findForUpdate(id));
        access.requireWritable(a, now);
        IfMatch.check(ifMatch, a.revision);
        return a;
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
        Section section = w.section() == null ? null : sections.findBySlug(w.section())
                .orElseThrow(() -> new InvalidException("section", "names no section: '" + w.section() + "'"));
        access.requireSectionAllowed(section);
        set(changed, "section", idOf(a.section), idOf(section), v -> a.section = section);
        List<Author> byline = byline(w.authorsOrEmpty());
        set(changed, "authors", a.authors.stream().map(au -> au.id).toList(), byline.stream().map(au -> au.id).toList(),
                v -> a.authors = new ArrayList<>(byline));
        List<String> tags = normalizedTags(w.tagsOrEmpty());
        set(changed, "tags", a.tags == null ? null : Arrays.asList(a.tags), tags, v -> a.tags = v.toArray(String[]::new));
        CopyrightNotice notice = notice(w.copyrightNotice());
        set(changed, "copyrightNotice", a.copyrightNotice == null ? null : a.copyrightNotice.id, notice.id,
                v -> a.copyrightNotice = notice);
        return changed;
    }

    /**
     * Stamps the change, appends its revision (the snapshot is the article as it now is) and
     * tells the observers of {@link ArticleEvent}, all in the caller's transaction.
     */
    AdminArticleResponse record(Article a, List<String> changed, Instant now, ArticleEvent.Kind kind) {
        boolean created = kind == ArticleEvent.Kind.CREATED;
        if (!created) {
            a.revision++;
        }
        a.modifiedAt = now;
        a.modifiedBy = caller.name();
        articles.flush();
        AdminArticleResponse view = mapper.admin(a, now);
        ArticleRevision r = new ArticleRevision();
        r.key = new ArticleRevision.Key(a.id, a.revision);
        r.at = now;
        r.by = caller.name();
        r.changed = changed.toArray(String[]::new);
        r.snapshot = mapper.toJson(view);
        revisions.persist(r);
        events.fire(new ArticleEvent(a.id, kind, a.revision, now));
        if (changed.contains("status") || ArticleStatus.PUBLISHED.wire().equals(a.status)) {
            // Public or scheduled before or after this write; edits of drafts change nothing public.
            boolean scheduled = ArticleStatus.of(a, now) == ArticleStatus.SCHEDULED;
            contentChanged.publish("article " + a.id, scheduled ? a.visibleFrom : null);
        }
        return view;
    }

    String callerName() {
        return caller.name();
    }

    java.util.Optional<UUID> ownerToken() {
        return access.ownerToken();
    }

    private String slugFor(Article a, ArticleWrite w) {
        boolean headlineUnchanged = a.headline != null && a.headline.equals(w.headline().strip());
        return Slugs.choose(w.slug(), a.slug, headlineUnchanged, w.headline(), "article",
                candidate -> articles.slugTaken(candidate, a.id));
    }

    private void moveSlug(Article a, String slug) {
        articles.getEntityManager().createQuery("delete from ArticleSlugRedirect r where r.slug = :slug and r.article = :a")
                .setParameter("slug", slug).setParameter("a", a).executeUpdate();
        if (a.slug != null && a.publishedAt != null) {
            ArticleSlugRedirect redirect = new ArticleSlugRedirect();
            redirect.slug = a.slug;
            redirect.article = a;
            articles.getEntityManager().persist(redirect);
        }
        a.slug = slug;
    }

    private List<Block> sanitized(List<Block> body) {
        return body.stream().map(b -> b.sanitized(sanitizer)).toList();
    }

    private List<Author> byline(List<String> slugs) {
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
