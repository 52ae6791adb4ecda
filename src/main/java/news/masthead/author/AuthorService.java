package news.masthead.author;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import news.masthead.author.api.AdminAuthorResponse;
import news.masthead.author.api.AuthorResponse;
import news.masthead.author.api.AuthorWrite;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.Slugs;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.common.replica.ReplicaRead;
import news.masthead.common.render.ReferenceChanged;
import jakarta.enterprise.event.Event;

/** The use cases of authors: the Admin API writes them, the Content API shows their public fields. */
@ApplicationScoped
public class AuthorService {
    private final AuthorRepository authors;
    private final AuthorReferences articles;
    private final StrictJson strict;
    private final Now clock;
    private final ContentChanged changed;
    private final Event<ReferenceChanged> shown;

    AuthorService(AuthorRepository authors, AuthorReferences articles, StrictJson strict, Now clock,
                  ContentChanged changed, Event<ReferenceChanged> shown) {
        this.shown = shown;
        this.changed = changed;
        this.authors = authors;
        this.articles = articles;
        this.strict = strict;
        this.clock = clock;
    }

    @Transactional
    public AdminAuthorResponse create(AuthorWrite write) {
        Instant now = clock.instant();
        Author a = new Author();
        a.id = UUID.randomUUID();
        a.createdAt = now;
        apply(a, write);
        a.modifiedAt = now;
        authors.persist(a);
        changed.publish(keys(a, false));
        return admin(a);
    }

    @Transactional
    public AdminAuthorResponse get(UUID id) {
        return admin(find(id));
    }

    @Transactional
    public Page<AdminAuthorResponse> listAdmin(String limit, String cursor) {
        return page(limit, cursor, AuthorService::admin);
    }

    /** JSON Merge Patch over the write fields. */
    @Transactional
    public AdminAuthorResponse patch(UUID id, JsonNode body) {
        MergePatch<AuthorWrite> patch = MergePatch.of(body, AuthorWrite.class);
        Author a = find(id);
        AuthorWrite current = write(a);
        AuthorWrite next = strict.merge(current, patch);
        if (!next.equals(current)) {
            String slug = a.slug;
            apply(a, next);
            a.modifiedAt = clock.instant();
            changed.publish(keys(a, !a.slug.equals(slug)));
            if (!next.slug().equals(current.slug()) || !next.name().equals(current.name())) {
                // Bylines show slug and name: the articles' documents are rendered again.
                authors.flush();
                shown.fire(new ReferenceChanged(ReferenceChanged.Kind.AUTHOR, a.id));
            }
        }
        return admin(a);
    }

    @Transactional
    public void delete(UUID id) {
        Author a = find(id);
        long using = articles.articlesNaming(a.id);
        if (using > 0) {
            throw new ConflictException("The author '" + a.slug + "' is on the byline of " + using
                    + " article(s), in some status; take it off them first.");
        }
        authors.delete(a);
        changed.publish(keys(a, true));
    }

    /**
     * What an author write changes in public: the author's own answers and every answer that shows
     * it ({@code author-<id>}), the author list, and, when the slug changes or the author goes,
     * article lists filtered by the old slug ({@code articles}).
     */
    private static List<String> keys(Author a, boolean filteredLists) {
        return filteredLists ? List.of(SurrogateKeys.author(a.id), SurrogateKeys.AUTHORS, SurrogateKeys.ARTICLES)
                : List.of(SurrogateKeys.author(a.id), SurrogateKeys.AUTHORS);
    }

    @Transactional
    @ReplicaRead
    public Tagged<Page<AuthorResponse>> listPublic(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor, 1);
        List<Author> rows = rows(page);
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.AUTHORS));
        rows.stream().limit(page.limit()).forEach(a -> keys.add(SurrogateKeys.author(a.id)));
        return Tagged.of(Page.of(rows, page.limit(), AuthorService::publicView, a -> PageRequest.encode(a.slug)), keys);
    }

    @Transactional
    @ReplicaRead
    public Tagged<AuthorResponse> getPublic(String slug) {
        return authors.findBySlug(slug).map(a -> Tagged.of(publicView(a), List.of(SurrogateKeys.author(a.id))))
                .orElseThrow(() -> new NotFoundException("No author has this slug."));
    }

    private <T> Page<T> page(String limit, String cursor, Function<Author, T> view) {
        PageRequest page = PageRequest.parse(limit, cursor, 1);
        return Page.of(rows(page), page.limit(), view, a -> PageRequest.encode(a.slug));
    }

    private List<Author> rows(PageRequest page) {
        return authors.pageBySlug(page.after().map(c -> c.get(0)).orElse(null), page.limit() + 1);
    }

    private Author find(UUID id) {
        return authors.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No author has this id."));
    }

    private void apply(Author a, AuthorWrite w) {
        String name = w.name().strip();
        a.slug = slugFor(a, w.slug(), name);
        a.name = name;
        a.jobTitle = blankToNull(w.jobTitle());
        a.bio = blankToNull(w.bio());
        a.avatarUrl = blankToNull(w.avatarUrl());
        a.email = blankToNull(w.email());
    }

    /** A given slug must be free; a missing one is derived from the name and made unique. */
    private String slugFor(Author a, String slug, String name) {
        return Slugs.choose(slug, a.slug, name.equals(a.name), name, "author", candidate -> authors.slugTaken(candidate, a.id));
    }

    private static AuthorWrite write(Author a) {
        return new AuthorWrite(a.slug, a.name, a.jobTitle, a.bio, a.avatarUrl, a.email);
    }

    private static AdminAuthorResponse admin(Author a) {
        return new AdminAuthorResponse(a.id, a.slug, a.name, a.jobTitle, a.bio, a.avatarUrl, a.email,
                a.createdAt, a.modifiedAt);
    }

    private static AuthorResponse publicView(Author a) {
        return new AuthorResponse(a.slug, a.name, a.jobTitle, a.bio, a.avatarUrl);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
