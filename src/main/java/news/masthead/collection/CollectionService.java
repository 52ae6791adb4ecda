package news.masthead.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.ArticleReader;
import news.masthead.article.PublicPicks;
import news.masthead.collection.api.AdminCollectionResponse;
import news.masthead.collection.api.CollectionFill;
import news.masthead.collection.api.CollectionItem;
import news.masthead.collection.api.CollectionItemResponse;
import news.masthead.collection.api.CollectionResponse;
import news.masthead.collection.api.CollectionWrite;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.cache.Tagged;
import news.masthead.common.error.FieldError;
import news.masthead.common.error.IfMatch;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.Slugs;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.section.Section;
import news.masthead.section.SectionRepository;
import news.masthead.common.replica.ReplicaRead;

/**
 * Curated collections (fronts). Editors write them with If-Match like articles; the public read
 * is the collection's row and one statement for its articles, both through the article feature's
 * one visibility predicate, so an article that stops being public leaves every collection at once.
 */
@ApplicationScoped
public class CollectionService {
    private static final TypeReference<List<PinnedItem>> ITEMS = new TypeReference<>() {
    };

    private final CollectionRepository collections;
    private final SectionRepository sections;
    private final ArticleReader articles;
    private final StrictJson strict;
    private final ObjectMapper json;
    private final Now clock;
    private final ContentChanged changed;

    CollectionService(CollectionRepository collections, SectionRepository sections, ArticleReader articles,
                      StrictJson strict, ObjectMapper json, Now clock, ContentChanged changed) {
        this.collections = collections;
        this.sections = sections;
        this.articles = articles;
        this.strict = strict;
        this.json = json;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional
    public AdminCollectionResponse create(CollectionWrite write) {
        Instant now = clock.instant();
        CuratedCollection c = new CuratedCollection();
        c.id = UUID.randomUUID();
        c.createdAt = now;
        c.modifiedAt = now;
        c.revision = 1;
        apply(c, write);
        collections.persist(c);
        changed.publish(List.of(SurrogateKeys.collection(c.id)));
        return admin(c);
    }

    @Transactional
    public AdminCollectionResponse get(UUID id) {
        return admin(collections.findByIdOptional(id).orElseThrow(CollectionService::notFound));
    }

    @Transactional
    public Page<AdminCollectionResponse> listAdmin(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor, 1);
        List<CuratedCollection> rows = collections.pageBySlug(page.after().map(c -> c.get(0)).orElse(null), page.limit() + 1);
        return Page.of(rows, page.limit(), this::admin, c -> PageRequest.encode(c.slug));
    }

    /** JSON Merge Patch over the write fields, based on the revision If-Match names. */
    @Transactional
    public AdminCollectionResponse patch(UUID id, String ifMatch, JsonNode body) {
        MergePatch<CollectionWrite> patch = MergePatch.of(body, CollectionWrite.class);
        CuratedCollection c = collections.findForUpdate(id).orElseThrow(CollectionService::notFound);
        IfMatch.check(ifMatch, c.revision);
        CollectionWrite current = write(c);
        CollectionWrite next = strict.merge(current, patch);
        if (!next.equals(current)) {
            apply(c, next);
            c.revision++;
            c.modifiedAt = clock.instant();
            changed.publish(List.of(SurrogateKeys.collection(c.id)));
        }
        return admin(c);
    }

    /** Deletes it; an If-Match, when sent, must name the current revision. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        CuratedCollection c = collections.findForUpdate(id).orElseThrow(CollectionService::notFound);
        if (ifMatch != null) {
            IfMatch.check(ifMatch, c.revision);
        }
        collections.delete(c);
        changed.publish(List.of(SurrogateKeys.collection(c.id)));
    }

    /**
     * The public collection: its row, then one statement for the visible pinned articles and the
     * fill. Pinned items whose article is not public are left out and the rest move up; the fill
     * never repeats a pinned article. No JTA transaction: it only reads (like every public read).
     */
    @ReplicaRead
    public Tagged<CollectionResponse> getPublic(String slug) {
        CuratedCollection c = collections.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("No collection has this slug."));
        List<PinnedItem> pinned = items(c);
        PublicPicks picks = articles.publicPicks(pinned.stream().map(PinnedItem::article).toList(), c.hasFill,
                c.fillSectionId, c.fillTag, c.size);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.collection(c.id));
        // Any publish may bring an article into the fill, or make a pinned one public: lists' key.
        keys.add(SurrogateKeys.ARTICLES);
        List<CollectionItemResponse> out = new ArrayList<>();
        for (PinnedItem item : pinned) {
            PublicPicks.Pick pick = picks.pinned().get(item.article());
            if (pick != null && out.size() < c.size) {
                out.add(new CollectionItemResponse("pinned",
                        item.headline() != null ? item.headline() : pick.summary().headline(),
                        item.summary() != null ? item.summary() : pick.summary().summary(), pick.summary()));
                keys.addAll(pick.keys());
            }
        }
        for (PublicPicks.Pick pick : picks.fill()) {
            if (out.size() >= c.size) {
                break;
            }
            out.add(new CollectionItemResponse("fill", pick.summary().headline(), pick.summary().summary(), pick.summary()));
            keys.addAll(pick.keys());
        }
        return Tagged.of(new CollectionResponse(c.slug, c.name, c.description, out), keys);
    }

    /**
     * Collections are shared by every desk: a token limited to sections may read them but not
     * change them, whatever its role.
     */

    private void apply(CuratedCollection c, CollectionWrite w) {
        String name = w.name().strip();
        c.slug = Slugs.choose(w.slug(), c.slug, name.equals(c.name), name, "collection",
                candidate -> collections.slugTaken(candidate, c.id));
        c.name = name;
        c.description = blankToNull(w.description());
        c.items = itemsJson(pinned(w.itemsOrEmpty()));
        CollectionFill fill = w.fill();
        c.hasFill = fill != null;
        c.fillSection = fill == null || fill.section() == null ? null : sections.findBySlug(fill.section())
                .orElseThrow(() -> new InvalidException("fill.section", "names no section: '" + fill.section() + "'"));
        c.fillTag = fill == null || blankToNull(fill.tag()) == null ? null : fill.tag().strip().toLowerCase(Locale.ROOT);
        c.size = w.sizeOrDefault();
    }

    /** The items as stored: each article once, every one existing, overrides trimmed (blank: none). */
    private List<PinnedItem> pinned(List<CollectionItem> items) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).article())) {
                errors.add(new FieldError("items[" + i + "].article", "pins an article already pinned above"));
            }
        }
        Set<UUID> existing = articles.existing(seen);
        for (int i = 0; i < items.size(); i++) {
            if (!existing.contains(items.get(i).article())) {
                errors.add(new FieldError("items[" + i + "].article", "names no article"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return items.stream().map(i -> new PinnedItem(i.article(), blankToNull(i.headline()), blankToNull(i.summary())))
                .toList();
    }

    private CollectionWrite write(CuratedCollection c) {
        return new CollectionWrite(c.slug, c.name, c.description, itemViews(c), fill(c), c.size);
    }

    private AdminCollectionResponse admin(CuratedCollection c) {
        return new AdminCollectionResponse(c.id, c.slug, c.name, c.description, itemViews(c), fill(c), c.size,
                c.revision, c.createdAt, c.modifiedAt);
    }

    private List<CollectionItem> itemViews(CuratedCollection c) {
        return items(c).stream().map(i -> new CollectionItem(i.article(), i.headline(), i.summary())).toList();
    }

    private static CollectionFill fill(CuratedCollection c) {
        if (!c.hasFill) {
            return null;
        }
        Section s = c.fillSection;
        return new CollectionFill(s == null ? null : s.slug, c.fillTag);
    }

    List<PinnedItem> items(CuratedCollection c) {
        try {
            return json.readValue(c.items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items of collection " + c.id + " could not be read", e);
        }
    }

    private String itemsJson(List<PinnedItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Items could not be written", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No collection has this id.");
    }
}
