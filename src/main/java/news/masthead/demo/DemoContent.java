package news.masthead.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import news.masthead.article.ArticleService;
import news.masthead.article.LiveblogService;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.api.PublishRequest;
import news.masthead.author.Author;
import news.masthead.author.AuthorRepository;
import news.masthead.collection.CollectionService;
import news.masthead.collection.api.CollectionWrite;
import news.masthead.common.time.Now;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.copyright.CopyrightNoticeRepository;
import news.masthead.section.Section;
import news.masthead.section.SectionRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads {@code demo/content.json} into the embedded database on its first start, so a fresh run
 * has something to read. Never runs against a configured datasource, and never twice.
 */
@ApplicationScoped
public class DemoContent {
    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    @ConfigProperty(name = "masthead.demo.load")
    boolean enabled;

    private final AppState state;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final CopyrightNoticeRepository notices;
    private final ArticleService articles;
    private final LiveblogService liveblogs;
    private final CollectionService collections;
    private final ObjectMapper json;
    private final Now clock;

    DemoContent(AppState state, SectionRepository sections, AuthorRepository authors, CopyrightNoticeRepository notices,
                ArticleService articles, LiveblogService liveblogs, CollectionService collections, ObjectMapper json,
                Now clock) {
        this.clock = clock;
        this.state = state;
        this.sections = sections;
        this.authors = authors;
        this.notices = notices;
        this.articles = articles;
        this.liveblogs = liveblogs;
        this.collections = collections;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @ActivateRequestContext
    @Transactional
    void load() {
        if (!state.claim("demo-content-loaded")) {
            return;
        }
        JsonNode demo = read();
        Instant now = clock.instant();
        Map<String, Section> bySlug = new HashMap<>();
        demo.get("sections").forEach(s -> bySlug.put(s.get("slug").asText(), section(s, bySlug, now)));
        demo.get("authors").forEach(a -> author(a, now));
        Map<String, UUID> noticeIds = new HashMap<>();
        demo.get("notices").forEach(n -> noticeIds.put(n.get("key").asText(), notice(n, now)));
        Map<String, UUID> articleIds = new HashMap<>();
        demo.get("articles").forEach(a -> {
            AdminArticleResponse created = article(a, noticeIds);
            articleIds.put(created.slug(), created.id());
        });
        demo.get("collections").forEach(c -> collection(c, articleIds));
        LOG.infof("Loaded demo content: %d sections, %d authors, %d articles, %d collections",
                bySlug.size(), demo.get("authors").size(), demo.get("articles").size(), demo.get("collections").size());
    }

    private Section section(JsonNode s, Map<String, Section> bySlug, Instant now) {
        Section section = new Section();
        section.id = UUID.randomUUID();
        section.slug = s.get("slug").asText();
        section.name = s.get("name").asText();
        section.description = s.path("description").asText(null);
        section.parent = s.hasNonNull("parent") ? bySlug.get(s.get("parent").asText()) : null;
        section.position = s.path("position").asInt();
        section.createdAt = now;
        section.modifiedAt = now;
        sections.persist(section);
        return section;
    }

    private void author(JsonNode a, Instant now) {
        Author author = new Author();
        author.id = UUID.randomUUID();
        author.slug = a.get("slug").asText();
        author.name = a.get("name").asText();
        author.jobTitle = a.path("jobTitle").asText(null);
        author.bio = a.path("bio").asText(null);
        author.email = a.path("email").asText(null);
        author.createdAt = now;
        author.modifiedAt = now;
        authors.persist(author);
    }

    private UUID notice(JsonNode n, Instant now) {
        CopyrightNotice notice = new CopyrightNotice();
        notice.id = UUID.randomUUID();
        notice.holder = n.get("holder").asText();
        notice.year = n.get("year").asInt();
        notice.statement = n.path("statement").asText(null);
        notice.usageTerms = n.path("usageTerms").asText(null);
        notice.syndication = n.get("syndication").asText();
        notice.isDefault = n.path("isDefault").asBoolean();
        notice.createdAt = now;
        notice.modifiedAt = now;
        notices.persist(notice);
        return notice.id;
    }

    /**
     * Articles go through the same use cases an editor's client would call; a published liveblog's
     * entries are then posted one by one, oldest first, as a live desk posts them.
     */
    private AdminArticleResponse article(JsonNode a, Map<String, UUID> noticeIds) {
        ObjectNode write = a.get("write").deepCopy();
        write.put("copyrightNotice", noticeIds.get(a.get("notice").asText()).toString());
        AdminArticleResponse created = articles.create(json.convertValue(write, ArticleWrite.class));
        String state = a.get("state").asText();
        String etag = "\"" + created.revision() + "\"";
        switch (state) {
            case "draft" -> {
            }
            case "scheduled" -> articles.publish(created.id(), etag,
                    new PublishRequest(clock.instant().plus(a.path("inHours").asLong(24), ChronoUnit.HOURS), null));
            case "published" -> {
                AdminArticleResponse live = articles.publish(created.id(), etag, null);
                if (a.has("update")) {
                    articles.patch(created.id(), "\"" + live.revision() + "\"", a.get("update"));
                }
                a.path("entries").forEach(entry -> liveblogs.create(created.id(), entry));
            }
            case "unpublished" -> {
                AdminArticleResponse live = articles.publish(created.id(), etag, null);
                articles.unpublish(created.id(), "\"" + live.revision() + "\"");
            }
            case "trashed" -> articles.trash(created.id(), etag);
            default -> throw new IllegalStateException("Unknown demo state " + state);
        }
        return created;
    }

    /** A front, written as an editor would: its pinned items name articles of the demo by slug. */
    private void collection(JsonNode c, Map<String, UUID> articleIds) {
        ObjectNode write = c.deepCopy();
        for (JsonNode item : (ArrayNode) write.get("items")) {
            String slug = item.get("article").asText();
            UUID id = articleIds.get(slug);
            if (id == null) {
                throw new IllegalStateException("Demo collection " + c.get("slug").asText() + " pins no demo article " + slug);
            }
            ((ObjectNode) item).put("article", id.toString());
        }
        collections.create(json.convertValue(write, CollectionWrite.class));
    }

    private JsonNode read() {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/content.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
