package news.masthead.section;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.Slugs;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.section.api.AdminSectionResponse;
import news.masthead.section.api.SectionList;
import news.masthead.section.api.SectionResponse;
import news.masthead.section.api.SectionWrite;
import news.masthead.common.replica.ReplicaRead;
import news.masthead.common.render.ReferenceChanged;

/** The use cases of the section tree: the Admin API shapes it, the Content API lists it in display order. */
@ApplicationScoped
public class SectionService {
    /**
     * Held to commit by every move and deletion in the tree: a cycle check reads the ancestry, and
     * two moves that each checked before the other committed (A under B, B under A) would both pass.
     */
    static final String TREE_LOCK = "hashtext('masthead.section_tree')";

    private final SectionRepository sections;
    private final SectionReferences articles;
    private final StrictJson strict;
    private final Now clock;
    private final ContentChanged changed;
    private final Instance<SectionHolders> holders;
    private final Event<SectionTreeChanged> moved;
    private final Event<ReferenceChanged> shown;

    SectionService(SectionRepository sections, SectionReferences articles, StrictJson strict, Now clock,
                   ContentChanged changed, Instance<SectionHolders> holders, Event<SectionTreeChanged> moved,
                   Event<ReferenceChanged> shown) {
        this.shown = shown;
        this.changed = changed;
        this.holders = holders;
        this.moved = moved;
        this.sections = sections;
        this.articles = articles;
        this.strict = strict;
        this.clock = clock;
    }

    @Transactional
    public AdminSectionResponse create(SectionWrite write) {
        Instant now = clock.instant();
        Section s = new Section();
        s.id = UUID.randomUUID();
        s.createdAt = now;
        apply(s, write);
        s.modifiedAt = now;
        sections.persist(s);
        changed.publish(keys(s, false));
        return admin(s);
    }

    @Transactional
    public AdminSectionResponse get(UUID id) {
        return admin(find(id));
    }

    @Transactional
    public Page<AdminSectionResponse> listAdmin(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor, 1);
        List<Section> rows = sections.pageBySlug(page.after().map(c -> c.get(0)).orElse(null), page.limit() + 1);
        return Page.of(rows, page.limit(), SectionService::admin, s -> PageRequest.encode(s.slug));
    }

    /** JSON Merge Patch over the write fields. */
    @Transactional
    public AdminSectionResponse patch(UUID id, JsonNode body) {
        MergePatch<SectionWrite> patch = MergePatch.of(body, SectionWrite.class);
        lockTree();
        Section s = find(id);
        SectionWrite current = write(s);
        SectionWrite next = strict.merge(current, patch);
        if (!next.equals(current)) {
            UUID parentBefore = s.parent == null ? null : s.parent.id;
            apply(s, next);
            s.modifiedAt = clock.instant();
            boolean treeMoved = !Objects.equals(parentBefore, s.parent == null ? null : s.parent.id);
            changed.publish(keys(s, treeMoved || !s.slug.equals(current.slug())));
            if (treeMoved) {
                sections.flush();
                moved.fire(new SectionTreeChanged(s.id));
            }
            if (!next.slug().equals(current.slug()) || !next.name().equals(current.name())) {
                // Articles show their section's slug and name: their documents are rendered again.
                sections.flush();
                shown.fire(new ReferenceChanged(ReferenceChanged.Kind.SECTION, s.id));
            }
        }
        return admin(s);
    }

    @Transactional
    public void delete(UUID id) {
        lockTree();
        // Exclusive on the row: a token or partner being given this section holds it shared
        // (SectionSlugs#ids) and is either counted below or finds the section gone.
        Section s = sections.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No section has this id."));
        for (SectionHolders h : holders) {
            String naming = h.naming(s.id);
            if (naming != null) {
                throw new ConflictException("The section '" + s.slug + "' is named by " + naming
                        + "; change their sections first (a list that lost its last section would read as all sections).");
            }
        }
        if (sections.hasChildren(s)) {
            throw new ConflictException("The section '" + s.slug + "' has subsections; move or delete them first.");
        }
        long using = articles.articlesFiledIn(s.id);
        if (using > 0) {
            throw new ConflictException("The section '" + s.slug + "' holds " + using
                    + " article(s), in some status; move them to another section first.");
        }
        sections.delete(s);
        changed.publish(keys(s, true));
    }

    /**
     * What a section write changes in public: the section's own answers and every answer that shows
     * it ({@code section-<id>}), the section tree, and, when it moves to another parent, is renamed
     * to another slug or goes, article lists filtered by a section whose subtree or slug that changes
     * ({@code articles}).
     */
    private static List<String> keys(Section s, boolean filteredLists) {
        return filteredLists ? List.of(SurrogateKeys.section(s.id), SurrogateKeys.SECTIONS, SurrogateKeys.ARTICLES)
                : List.of(SurrogateKeys.section(s.id), SurrogateKeys.SECTIONS);
    }

    /** Every section depth-first: a parent, then its subsections; siblings by position, then name. */
    @Transactional
    @ReplicaRead
    public Tagged<SectionList> tree() {
        List<Section> all = sections.allWithParents();
        Map<UUID, List<Section>> children = new HashMap<>();
        List<Section> roots = new ArrayList<>();
        for (Section s : all) {
            if (s.parent == null) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.parent.id, k -> new ArrayList<>()).add(s);
            }
        }
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.SECTIONS));
        all.forEach(s -> keys.add(SurrogateKeys.section(s.id)));
        List<SectionResponse> out = new ArrayList<>(all.size());
        Set<UUID> seen = new HashSet<>();
        for (Section root : roots) {
            visit(root, children, seen, out);
        }
        return Tagged.of(new SectionList(out), keys);
    }

    @Transactional
    @ReplicaRead
    public Tagged<SectionResponse> getPublic(String slug) {
        return sections.findBySlug(slug).map(s -> Tagged.of(publicView(s), List.of(SurrogateKeys.section(s.id))))
                .orElseThrow(() -> new NotFoundException("No section has this slug."));
    }

    private static void visit(Section s, Map<UUID, List<Section>> children, Set<UUID> seen, List<SectionResponse> out) {
        if (!seen.add(s.id)) {
            return;
        }
        out.add(publicView(s));
        for (Section child : children.getOrDefault(s.id, List.of())) {
            visit(child, children, seen, out);
        }
    }

    private void lockTree() {
        sections.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(" + TREE_LOCK + ")")
                .getSingleResult();
    }

    private Section find(UUID id) {
        return sections.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No section has this id."));
    }

    private void apply(Section s, SectionWrite w) {
        Section parent = parentFor(s, w.parent());
        String name = w.name().strip();
        s.slug = slugFor(s, w.slug(), name);
        s.name = name;
        s.description = w.description() == null || w.description().isBlank() ? null : w.description().strip();
        s.parent = parent;
        s.position = w.positionOrZero();
    }

    /** The parent named by slug; it must exist and must not lie below the section itself. */
    private Section parentFor(Section s, String slug) {
        if (slug == null) {
            return null;
        }
        Section parent = sections.findBySlug(slug)
                .orElseThrow(() -> new InvalidException("parent", "names no section: '" + slug + "'"));
        Set<UUID> path = new HashSet<>();
        for (Section p = parent; p != null && path.add(p.id); p = p.parent) {
            if (p.id.equals(s.id)) {
                throw new InvalidException("parent", "would make the section its own ancestor: '" + slug
                        + "' is the section itself or one of its subsections");
            }
        }
        return parent;
    }

    /** A given slug must be free; a missing one is derived from the name and made unique. */
    private String slugFor(Section s, String slug, String name) {
        return Slugs.choose(slug, s.slug, name.equals(s.name), name, "section", candidate -> sections.slugTaken(candidate, s.id));
    }

    private static SectionWrite write(Section s) {
        return new SectionWrite(s.slug, s.name, s.description, parentSlug(s), s.position);
    }

    private static AdminSectionResponse admin(Section s) {
        return new AdminSectionResponse(s.id, s.slug, s.name, s.description, parentSlug(s), s.position,
                s.createdAt, s.modifiedAt);
    }

    private static SectionResponse publicView(Section s) {
        return new SectionResponse(s.slug, s.name, s.description, parentSlug(s), s.position);
    }

    private static String parentSlug(Section s) {
        return s.parent == null ? null : s.parent.slug;
    }
}
