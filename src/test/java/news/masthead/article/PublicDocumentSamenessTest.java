package news.masthead.article;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import news.masthead.article.PublicDocuments.Document;
import news.masthead.common.http.ETags;
import news.masthead.testsupport.Fixtures;
import news.masthead.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Issue #19: the public documents stored with each article ({@code public_summary},
 * {@code public_document}, {@code public_keys}) are, after every write an editor can make, exactly
 * what a fresh render of the current rows gives ({@link PublicDocuments#render}), and the Content
 * API answers exactly those bytes.
 *
 * <p>Seeded: the seed is in every failure message; rerun one with {@code -Dsameness.seed=<seed>}
 * (and {@code -Dsameness.steps=<n>} for a longer walk).
 */
@QuarkusTest
class PublicDocumentSamenessTest {
    private static final long SEED = Long.getLong("sameness.seed", 19_2026_0017L);
    private static final int STEPS = Integer.getInteger("sameness.steps", 80);
    /** Extra steps allowed, after {@link #STEPS}, for kinds of operation that have not run yet. */
    private static final int EXTRA_STEPS = 60;
    private static final String ARTICLES = "/api/v1/admin/articles";
    private static final String DOCUMENTS = "/api/v1/admin/article-documents";

    @Inject
    PublicDocuments documents;

    @Inject
    RenderQueue queue;

    @Inject
    AgroalDataSource db;

    /** Every kind of write the walk makes; each must run at least once. */
    enum Op {
        HEADLINE, SUMMARY, TAGS, BODY, SLUG, SECTION, AUTHORS, NOTICE, LEAD_IMAGE, HEADLINES, PUBLIC_UPDATE, LIVE,
        PUBLISH, SCHEDULE, UNPUBLISH, TRASH, KILL, RESTORE, REVISION_RESTORE,
        ENTRY_POST, ENTRY_PATCH, ENTRY_DELETE,
        AUTHOR_NAME, AUTHOR_SLUG, SECTION_NAME, SECTION_SLUG, SECTION_MOVE,
        NOTICE_HOLDER, NOTICE_YEAR, NOTICE_STATEMENT, NOTICE_USAGE_TERMS,
        SCHEDULE_DUE
    }

    // ---------------------------------------------------------------------------------------------
    // The walk

    @Test
    void everyStoredDocumentIsByteIdenticalToAFreshRenderAfterEveryWrite() {
        World w = new World(new Random(SEED));
        w.build(3, 3, 2, 10);
        check(w, 0, "initial world");

        Map<Op, Integer> ran = new EnumMap<>(Op.class);
        List<Op> pending = new ArrayList<>(Arrays.asList(Op.values()));
        Collections.shuffle(pending, w.rnd);
        long started = System.nanoTime();
        int step = 0;
        while (step < STEPS || (!pending.isEmpty() && step < STEPS + EXTRA_STEPS)) {
            step++;
            List<Op> order = new ArrayList<>();
            if (!pending.isEmpty() && (step > STEPS || w.rnd.nextInt(3) == 0)) {
                order.addAll(pending);
            }
            List<Op> shuffled = new ArrayList<>(Arrays.asList(Op.values()));
            Collections.shuffle(shuffled, w.rnd);
            order.addAll(shuffled);
            Op done = null;
            String what = null;
            for (Op op : order) {
                w.refreshState();
                what = w.run(op, step);
                if (what != null) {
                    done = op;
                    break;
                }
            }
            assertTrue(done != null, w.at(step, "nothing") + ": no operation was applicable");
            ran.merge(done, 1, Integer::sum);
            pending.remove(done);
            check(w, step, done + " " + what);
        }
        for (Op op : Op.values()) {
            assertTrue(ran.getOrDefault(op, 0) > 0, "seed=" + SEED + ": " + op + " never ran in " + step
                    + " steps; ran: " + ran);
        }
        // Once more with every filter, at the end of the walk.
        w.checkFilteredLists(step, "end of walk");
        System.out.printf("PublicDocumentSamenessTest seed=%d: %d steps in %d ms, %s%n", SEED, step,
                (System.nanoTime() - started) / 1_000_000, ran);
    }

    // ---------------------------------------------------------------------------------------------
    // The render queue: the path of a change shown by more articles than one transaction renders

    @Test
    void theRenderQueueRendersStaleAndCorruptedDocumentsAgainAndLeavesNoRowsOfItsCauses() throws SQLException {
        World w = new World(new Random(SEED + 1));
        w.build(2, 1, 1, 0);
        Author renamed = w.authors.get(0);
        Art a0 = w.create(List.of(renamed), w.sections.get(0), w.notices.get(0), "story");
        Art a1 = w.create(List.of(renamed, w.authors.get(1)), null, w.notices.get(0), "story");
        Art a2 = w.create(List.of(w.authors.get(1)), w.sections.get(0), w.notices.get(0), "story");
        Art a3 = w.create(List.of(renamed), null, w.notices.get(0), "story");
        for (Art a : List.of(a0, a1, a2)) {
            w.workflow(a, "/publish", null).then().statusCode(200);
        }
        check(w, 0, "setup");

        // An author renamed behind the pipeline's back, as if by a change with more articles than
        // the inline limit: the documents of its published articles are stale until the queue runs.
        String newName = "Renamed Außer-Pipeline " + w.suffix;
        update("update author set name = ?, modified_at = modified_at where id = ?", newName, renamed.id);
        // One document corrupted outright: what the repair path is for.
        update("update article set public_summary = ? where id = ?", "{\"corrupted\":true}", a2.id);
        Map<UUID, Document[]> before = storedAndRendered(w.ids());
        assertNotEquals(before.get(a0.id)[1], before.get(a0.id)[0], "a0 is stale (the check has teeth)");
        assertNotEquals(before.get(a1.id)[1], before.get(a1.id)[0], "a1 is stale");
        assertNotEquals(before.get(a2.id)[1], before.get(a2.id)[0], "a2 is corrupted");
        assertEquals(before.get(a3.id)[1], before.get(a3.id)[0], "a draft has no documents either way");

        // Queued as DocumentRecorder queues a change beyond the inline limit, and as a repair.
        String cause = "author-" + renamed.id;
        int queuedAuthor = update("insert into article_render_queue (article_id, cause) select aa.article_id, ? "
                + "from article_author aa join article a on a.id = aa.article_id "
                + "where aa.author_id = ? and a.status = 'published'", cause, renamed.id);
        assertEquals(2, queuedAuthor, "the renamed author's published articles are queued");
        update("insert into article_render_queue (article_id, cause) values (?, 'repair')", a2.id);

        drainFor(w.ids());
        assertEquals(0L, count("select count(*) from article_render_queue where cause = ?", cause),
                "no row of the cause " + cause + " is left");
        check(w, 1, "render queue drained (author renamed in SQL, a2 corrupted)");
        Document a0Now = storedAndRendered(List.of(a0.id)).get(a0.id)[0];
        assertTrue(a0Now.document().contains(newName), "the stored document shows the new name: " + a0Now.document());
    }

    @Test
    void renderingEveryArticleAgainThroughTheAdminApiRepairsWhatIsStored() throws SQLException {
        World w = new World(new Random(SEED + 2));
        w.build(2, 2, 1, 0);
        List<Art> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Art a = w.create(List.of(w.authors.get(i % 2)), w.sections.get(i % 2), w.notices.get(0), "story");
            w.workflow(a, "/publish", null).then().statusCode(200);
            published.add(a);
        }
        Art scheduled = w.create(List.of(w.authors.get(0)), null, w.notices.get(0), "story");
        w.workflow(scheduled, "/publish", Map.of("at", TestClock.get().instant().plus(Duration.ofHours(3))
                .truncatedTo(ChronoUnit.SECONDS).toString())).then().statusCode(200);
        w.create(List.of(w.authors.get(1)), null, w.notices.get(0), "story"); // a draft
        check(w, 0, "setup");

        Art corrupted = published.get(0);
        Art unrendered = published.get(1);
        update("update article set public_document = ? where id = ?", "{\"corrupted\":true}", corrupted.id);
        update("update article set public_summary = null, public_document = null, public_keys = null where id = ?",
                unrendered.id);
        // A row without documents (as after the upgrade, before the queue reaches it) is answered
        // with a fresh render, alone and in a list.
        Document fresh = storedAndRendered(List.of(unrendered.id)).get(unrendered.id)[1];
        w.refreshState();
        w.expectArticle(0, "not rendered yet", unrendered, fresh.document());

        Response r = admin().post(DOCUMENTS + "/render");
        assertEquals(202, r.statusCode(), r.asString());
        JsonPath state = r.jsonPath();
        assertTrue(state.getLong("queued") >= 4, "every published article is queued, the scheduled one too: " + r.asString());
        assertTrue(state.getLong("waiting") >= 0, r.asString());
        admin().get(DOCUMENTS).then().statusCode(200);

        drainFor(w.ids());
        check(w, 1, "POST " + DOCUMENTS + "/render, then the queue drained");
    }

    // ---------------------------------------------------------------------------------------------
    // The checks

    /**
     * After a write: drains the queue, then for every article of the world the stored documents
     * equal a fresh render, and the Content API answers them byte for byte.
     */
    private void check(World w, int step, String op) {
        drainFor(w.ids());
        Map<UUID, Document[]> both = storedAndRendered(w.ids());
        w.refreshState();
        List<String> problems = new ArrayList<>();
        for (Art a : w.arts) {
            Document[] d = both.get(a.id);
            String who = a.label() + " " + w.state.get(a.id);
            if (d == null || d[0] == null) {
                problems.add(who + ": no stored row");
                continue;
            }
            compare(problems, who, "public_summary", d[0].summary(), d[1].summary());
            compare(problems, who, "public_document", d[0].document(), d[1].document());
            compare(problems, who, "public_keys", d[0].keys(), d[1].keys());
            compare(problems, who, "public_etag", d[0].etag(), d[1].etag());
        }
        if (!problems.isEmpty()) {
            fail(w.at(step, op) + ": stored documents differ from a fresh render:\n  " + String.join("\n  ", problems));
        }
        // Reads: a few visible articles, every scheduled one, the world's list.
        List<Art> visible = w.arts.stream().filter(a -> w.state.get(a.id).visible()).collect(Collectors.toList());
        Collections.shuffle(visible, w.rnd);
        for (Art a : visible.subList(0, Math.min(3, visible.size()))) {
            w.expectArticle(step, op, a, both.get(a.id)[1].document());
        }
        for (Art a : w.arts) {
            State s = w.state.get(a.id);
            if (s.status.equals("scheduled")) {
                Response r = given().redirects().follow(false).get("/api/v1/articles/" + s.slug);
                assertEquals(404, r.statusCode(), w.at(step, op) + ": " + a.label() + " is scheduled for "
                        + s.visibleFrom + " (now " + TestClock.get().instant() + ") and must not be served yet: "
                        + r.asString());
            }
        }
        w.expectList(step, op, "tag=" + w.worldTag, a -> true);
        if (step % 10 == 0) {
            w.checkFilteredLists(step, op);
        }
    }

    private static void compare(List<String> problems, String who, String column, String stored, String rendered) {
        if (!java.util.Objects.equals(stored, rendered)) {
            problems.add(who + " " + column + ": " + difference(stored, rendered, "stored", "rendered"));
        }
    }

    /** Where two strings first differ, with context, for a failure message. */
    static String difference(String a, String b, String aName, String bName) {
        if (a == null || b == null) {
            return aName + "=" + abbreviate(a, 0) + " but " + bName + "=" + abbreviate(b, 0);
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "first difference at char " + i + " (lengths " + a.length() + " and " + b.length() + "): " + aName
                + " …" + a.substring(from, Math.min(a.length(), i + 80)) + "… vs " + bName + " …"
                + b.substring(from, Math.min(b.length(), i + 80)) + "…";
    }

    private static String abbreviate(String s, int from) {
        if (s == null) {
            return "null";
        }
        return s.length() - from > 300 ? s.substring(from, from + 300) + "…" : s.substring(from);
    }

    /** Stored ([0]) and freshly rendered ([1]) documents, read in one transaction. */
    private Map<UUID, Document[]> storedAndRendered(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Document> stored = documents.stored(ids);
            Map<UUID, Document> rendered = documents.render(ids);
            Map<UUID, Document[]> both = new HashMap<>();
            for (UUID id : ids) {
                both.put(id, new Document[] {stored.get(id), rendered.get(id)});
            }
            return both;
        });
    }

    /**
     * Drains the render queue until none of {@code ids} waits in it: the scheduler drains it too,
     * and a batch it has taken is still there (uncommitted) when drain() returns without it.
     */
    private void drainFor(List<UUID> ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            queue.drain();
            long waiting = countIds("select count(*) from article_render_queue where article_id = any(?)", ids);
            if (waiting == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("seed=" + SEED + ": " + waiting + " rows of the world's articles are still in the render queue");
            }
            sleep(50);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The world

    static final class Author {
        final UUID id;
        String slug;
        String name;

        Author(UUID id, String slug, String name) {
            this.id = id;
            this.slug = slug;
            this.name = name;
        }

        UUID id() {
            return id;
        }

        String slug() {
            return slug;
        }
    }

    static final class Section {
        final UUID id;
        String slug;
        String name;
        Section parent;

        Section(UUID id, String slug, String name, Section parent) {
            this.id = id;
            this.slug = slug;
            this.name = name;
            this.parent = parent;
        }
    }

    record Notice(UUID id) {
    }

    static final class Art {
        final int n;
        final UUID id;
        final String kind;
        final String ownTag;
        final List<UUID> entries = new ArrayList<>();

        Art(int n, UUID id, String kind, String ownTag) {
            this.n = n;
            this.id = id;
            this.kind = kind;
            this.ownTag = ownTag;
        }

        String path() {
            return ARTICLES + "/" + id;
        }

        String label() {
            return "article #" + n + " (" + kind + ", " + id + ")";
        }
    }

    /** An article's state as the database has it; status as the admin API names it. */
    record State(String slug, String status, Instant visibleFrom, Instant publishedAt, boolean live) {
        boolean visible() {
            return status.equals("published");
        }

        boolean editable() {
            return !status.equals("trashed") && !status.equals("killed");
        }

        boolean publishedOrScheduled() {
            return status.equals("published") || status.equals("scheduled");
        }

        @Override
        public String toString() {
            return "[" + status + " slug=" + slug + (status.equals("scheduled") ? " visibleFrom=" + visibleFrom : "") + "]";
        }
    }

    private final class World {
        final Random rnd;
        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String worldTag = "sameness-" + suffix;
        final List<Author> authors = new ArrayList<>();
        final List<Section> sections = new ArrayList<>();
        final List<Notice> notices = new ArrayList<>();
        final List<Art> arts = new ArrayList<>();
        Map<UUID, State> state = new HashMap<>();
        int renames;

        World(Random rnd) {
            this.rnd = rnd;
        }

        String at(int step, String op) {
            return "seed=" + SEED + " step=" + step + " op=" + op;
        }

        List<UUID> ids() {
            return arts.stream().map(a -> a.id).collect(Collectors.toList());
        }

        void build(int authorCount, int sectionCount, int noticeCount, int articleCount) {
            String[] names = {"Zoë O'Brien-Łukasz", "Renée \"Scoop\" Dubois", "Jürgen </script> & Co ☃"};
            for (int i = 0; i < authorCount; i++) {
                String slug = "sameness-author-" + i + "-" + suffix;
                JsonPath p = Fixtures.create(Fixtures.AUTHORS, Map.of("slug", slug, "name", names[i % names.length] + " " + i,
                        "email", slug + "@example.com"));
                authors.add(new Author(UUID.fromString(p.getString("id")), slug, p.getString("name")));
            }
            for (int i = 0; i < sectionCount; i++) {
                Section parent = i == 2 ? sections.get(0) : null;
                String slug = "sameness-section-" + i + "-" + suffix;
                Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", "Section «" + i + "» " + suffix));
                if (parent != null) {
                    body.put("parent", parent.slug);
                }
                JsonPath p = Fixtures.create(Fixtures.SECTIONS, body);
                sections.add(new Section(UUID.fromString(p.getString("id")), slug, p.getString("name"), parent));
            }
            for (int i = 0; i < noticeCount; i++) {
                JsonPath p = Fixtures.create(Fixtures.NOTICES, Map.of("holder", "Holder " + i + " " + suffix + " Inc.",
                        "year", 2020 + i, "statement", "All rights reserved.", "usageTerms", "Not for resale.",
                        "isDefault", false));
                notices.add(new Notice(UUID.fromString(p.getString("id"))));
            }
            for (int i = 0; i < articleCount; i++) {
                String kind = i < 2 ? "liveblog" : "story";
                Art a = create(randomAuthors(), i == 3 ? null : sections.get(i % sections.size()),
                        notices.get(i % notices.size()), kind);
                // 0-5 published, 6-7 scheduled, 8-9 drafts (1, a liveblog, stays a draft).
                if (i <= 5 && i != 1) {
                    workflow(a, "/publish", null).then().statusCode(200);
                } else if (i == 6 || i == 7) {
                    workflow(a, "/publish", Map.of("at", future())).then().statusCode(200);
                }
            }
            if (articleCount > 0) {
                Art blog = arts.get(0);
                Response e = admin().body(entry("Opening entry " + suffix)).post(blog.path() + "/entries");
                assertEquals(201, e.statusCode(), e.asString());
                blog.entries.add(UUID.fromString(e.path("id")));
            }
        }

        Art create(List<Author> byline, Section section, Notice notice, String kind) {
            int n = arts.size();
            String slug = "sameness-" + n + "-" + suffix;
            Map<String, Object> body = new HashMap<>();
            body.put("slug", slug);
            body.put("headline", "Headline " + n + " — «" + suffix + "»");
            body.put("summary", "Summary of " + n + ".");
            body.put("tags", List.of(worldTag, slug));
            body.put("body", randomBody(n));
            body.put("authors", byline.stream().map(Author::slug).collect(Collectors.toList()));
            if (section != null) {
                body.put("section", section.slug);
            }
            body.put("copyrightNotice", notice.id().toString());
            body.put("kind", kind);
            Response r = admin().body(body).post(ARTICLES);
            assertEquals(201, r.statusCode(), r.asString());
            Art a = new Art(n, UUID.fromString(r.path("id")), kind, slug);
            arts.add(a);
            return a;
        }

        // --- state

        void refreshState() {
            Instant now = TestClock.get().instant();
            Map<UUID, State> next = new HashMap<>();
            query("select id, slug, status, visible_from, published_at, live from article where id = any(?)", ids(), r -> {
                Instant visibleFrom = instant(r, "visible_from");
                String status = r.getString("status");
                if (status.equals("published") && visibleFrom != null && visibleFrom.isAfter(now)) {
                    status = "scheduled";
                }
                next.put((UUID) r.getObject("id"), new State(r.getString("slug"), status, visibleFrom,
                        instant(r, "published_at"), r.getBoolean("live")));
            });
            state = next;
        }

        Art pick(Predicate<State> p, boolean preferPublic) {
            List<Art> ok = arts.stream().filter(a -> p.test(state.get(a.id))).collect(Collectors.toList());
            if (ok.isEmpty()) {
                return null;
            }
            if (preferPublic && rnd.nextInt(4) != 0) {
                List<Art> pub = ok.stream().filter(a -> state.get(a.id).publishedOrScheduled()).collect(Collectors.toList());
                if (!pub.isEmpty()) {
                    return pub.get(rnd.nextInt(pub.size()));
                }
            }
            return ok.get(rnd.nextInt(ok.size()));
        }

        String etag(Art a) {
            Response r = admin().get(a.path());
            assertEquals(200, r.statusCode(), r.asString());
            return r.header("ETag");
        }

        Response workflow(Art a, String action, Map<String, ?> body) {
            var request = admin().header("If-Match", etag(a));
            if (body != null) {
                request.body(body);
            }
            return request.post(a.path() + action);
        }

        String patch(Art a, Map<String, ?> body, int step) {
            Response r = admin().header("If-Match", etag(a)).body(body).patch(a.path());
            assertEquals(200, r.statusCode(), at(step, "PATCH " + body) + " on " + a.label() + ": " + r.asString());
            return a.label() + " " + state.get(a.id) + " " + body;
        }

        String expect(Response r, int status, int step, String what) {
            assertEquals(status, r.statusCode(), at(step, what) + ": " + r.asString());
            return what;
        }

        // --- the operations: each returns what it did, or null when it applies to nothing now

        String run(Op op, int step) {
            return switch (op) {
                case HEADLINE -> edit(step, a -> Map.of("headline", "Headline " + a.n + " v" + step + " “" + word() + "”"));
                case SUMMARY -> edit(step, a -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("summary", rnd.nextInt(5) == 0 ? null : "Summary " + step + " & <" + word() + ">");
                    return m;
                });
                case TAGS -> edit(step, a -> {
                    List<String> tags = new ArrayList<>(List.of(worldTag, a.ownTag));
                    for (int i = rnd.nextInt(3); i > 0; i--) {
                        tags.add(word() + "-" + rnd.nextInt(100));
                    }
                    Collections.shuffle(tags, rnd);
                    return Map.of("tags", tags);
                });
                case BODY -> edit(step, a -> Map.of("body", randomBody(step)));
                case SLUG -> edit(step, a -> Map.of("slug", "sameness-" + a.n + "-" + suffix + "-s" + step));
                case SECTION -> edit(step, a -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("section", rnd.nextInt(4) == 0 ? null : sections.get(rnd.nextInt(sections.size())).slug);
                    return m;
                });
                case AUTHORS -> edit(step, a -> Map.of("authors",
                        randomAuthors().stream().map(Author::slug).collect(Collectors.toList())));
                case NOTICE -> edit(step, a -> Map.of("copyrightNotice",
                        notices.get(rnd.nextInt(notices.size())).id().toString()));
                case LEAD_IMAGE -> edit(step, a -> {
                    Map<String, Object> m = new HashMap<>();
                    if (rnd.nextInt(4) == 0) {
                        m.put("leadImage", null);
                    } else {
                        Map<String, Object> image = new HashMap<>();
                        image.put("url", "https://img.example.com/" + a.n + "/" + step + ".jpg");
                        image.put("alt", "Alt " + step + " \"" + word() + "\"");
                        image.put("caption", rnd.nextBoolean() ? null : "Caption " + step + " & " + word());
                        image.put("credit", rnd.nextBoolean() ? null : "Photo: " + word());
                        if (rnd.nextBoolean()) {
                            image.put("width", 800 + rnd.nextInt(800));
                            image.put("height", 400 + rnd.nextInt(400));
                        }
                        m.put("leadImage", image);
                    }
                    return m;
                });
                case HEADLINES -> edit(step, a -> {
                    Map<String, Object> m = new HashMap<>();
                    if (rnd.nextInt(4) == 0) {
                        m.put("headlines", null);
                    } else {
                        Map<String, Object> h = new HashMap<>();
                        h.put("seo", rnd.nextBoolean() ? null : "SEO " + a.n + " " + step + " " + word());
                        h.put("social", rnd.nextBoolean() ? null : "Social " + a.n + " “" + word() + "”");
                        m.put("headlines", h);
                    }
                    return m;
                });
                case PUBLIC_UPDATE -> {
                    Art a = pick(s -> s.status.equals("published"), false);
                    yield a == null ? null : patch(a, Map.of("headline", "Updated " + a.n + " at step " + step,
                            "updateNote", "Adds detail at step " + step + ".",
                            "updateKind", rnd.nextBoolean() ? "update" : "correction"), step);
                }
                case LIVE -> {
                    Art a = pick(s -> s.editable(), true);
                    if (a == null || !a.kind.equals("liveblog")) {
                        a = arts.stream().filter(x -> x.kind.equals("liveblog") && state.get(x.id).editable())
                                .findFirst().orElse(null);
                    }
                    yield a == null ? null : patch(a, Map.of("live", !state.get(a.id).live()), step);
                }
                case PUBLISH -> {
                    Art a = pick(s -> s.status.equals("draft") || s.status.equals("unpublished")
                            || s.status.equals("scheduled"), false);
                    yield a == null ? null : expect(workflow(a, "/publish", null), 200, step,
                            "publish " + a.label() + " " + state.get(a.id));
                }
                case SCHEDULE -> {
                    Art a = pick(s -> s.status.equals("draft") || s.status.equals("unpublished")
                            || s.status.equals("scheduled"), false);
                    String at = future();
                    yield a == null ? null : expect(workflow(a, "/publish", Map.of("at", at)), 200, step,
                            "schedule " + a.label() + " " + state.get(a.id) + " at " + at);
                }
                case UNPUBLISH -> {
                    Art a = pick(State::publishedOrScheduled, false);
                    yield a == null ? null : expect(workflow(a, "/unpublish", null), 200, step,
                            "unpublish " + a.label() + " " + state.get(a.id));
                }
                case TRASH -> {
                    Art a = pick(State::editable, true);
                    if (a == null) {
                        yield null;
                    }
                    Response r = admin().header("If-Match", etag(a)).delete(a.path());
                    assertTrue(r.statusCode() == 204 || r.statusCode() == 200, at(step, "trash " + a.label()) + ": "
                            + r.statusCode() + " " + r.asString());
                    yield "trash " + a.label() + " " + state.get(a.id);
                }
                case KILL -> {
                    Art a = pick(s -> !s.status.equals("killed"), true);
                    yield a == null ? null : expect(workflow(a, "/kill", Map.of("reason", "Legal, step " + step + ".")),
                            200, step, "kill " + a.label() + " " + state.get(a.id));
                }
                case RESTORE -> {
                    Art a = pick(s -> s.status.equals("killed") || s.status.equals("trashed"), false);
                    yield a == null ? null : expect(workflow(a, "/restore", null), 200, step,
                            "restore " + a.label() + " " + state.get(a.id));
                }
                case REVISION_RESTORE -> {
                    Art a = pick(State::editable, true);
                    if (a == null) {
                        yield null;
                    }
                    Response current = admin().get(a.path());
                    int revision = current.path("revision");
                    if (revision < 2) {
                        yield null;
                    }
                    // A revision naming an author or section by a slug renamed since is refused (400, nothing
                    // written): then an older one, and none if every one is.
                    String rejected = "";
                    for (int n = revision - 1 - rnd.nextInt(Math.min(3, revision - 1)); n >= 1; n--) {
                        Response r = admin().header("If-Match", current.header("ETag"))
                                .post(a.path() + "/revisions/" + n + "/restore");
                        String what = "restore revision " + n + " of " + revision + " of " + a.label() + " "
                                + state.get(a.id) + rejected;
                        if (r.statusCode() == 400 && r.asString().contains("names no")) {
                            rejected += " (revision " + n + " refused: " + r.path("detail") + ")";
                            continue;
                        }
                        yield expect(r, 200, step, what);
                    }
                    yield null;
                }
                case ENTRY_POST -> {
                    Art a = pick(s -> s.editable() && s.live(), true);
                    if (a == null || !a.kind.equals("liveblog")) {
                        a = arts.stream().filter(x -> x.kind.equals("liveblog") && state.get(x.id).editable()
                                && state.get(x.id).live()).findFirst().orElse(null);
                    }
                    if (a == null) {
                        yield null;
                    }
                    Map<String, Object> body = new HashMap<>(entry("Entry at step " + step + " " + word()));
                    if (rnd.nextBoolean()) {
                        body.put("authors", List.of(authors.get(rnd.nextInt(authors.size())).slug()));
                    }
                    if (rnd.nextInt(3) == 0) {
                        body.put("pinned", true);
                    }
                    Response r = admin().body(body).post(a.path() + "/entries");
                    expect(r, 201, step, "post entry to " + a.label());
                    a.entries.add(UUID.fromString(r.path("id")));
                    yield "post entry to " + a.label() + " " + state.get(a.id);
                }
                case ENTRY_PATCH -> {
                    Art a = arts.stream().filter(x -> !x.entries.isEmpty() && state.get(x.id).editable()
                            && x.kind.equals("liveblog")).findFirst().orElse(null);
                    if (a == null) {
                        yield null;
                    }
                    UUID entry = a.entries.get(rnd.nextInt(a.entries.size()));
                    Response r = admin().body(Map.of("headline", "Entry edited at step " + step))
                            .patch(a.path() + "/entries/" + entry);
                    yield expect(r, 200, step, "patch entry " + entry + " of " + a.label() + " " + state.get(a.id));
                }
                case ENTRY_DELETE -> {
                    Art a = arts.stream().filter(x -> !x.entries.isEmpty() && state.get(x.id).editable()
                            && x.kind.equals("liveblog")).findFirst().orElse(null);
                    if (a == null) {
                        yield null;
                    }
                    UUID entry = a.entries.remove(rnd.nextInt(a.entries.size()));
                    Response r = admin().delete(a.path() + "/entries/" + entry);
                    yield expect(r, 204, step, "delete entry " + entry + " of " + a.label() + " " + state.get(a.id));
                }
                case AUTHOR_NAME -> {
                    Author au = authors.get(rnd.nextInt(authors.size()));
                    String name = "Author " + word() + " «" + step + "» " + suffix;
                    String old = au.name;
                    expect(admin().body(Map.of("name", name)).patch(Fixtures.AUTHORS + "/" + au.id()), 200, step,
                            "author name");
                    au.name = name;
                    yield "author " + au.slug() + " name '" + old + "' -> '" + name + "'";
                }
                case AUTHOR_SLUG -> {
                    Author au = authors.get(rnd.nextInt(authors.size()));
                    String slug = "sameness-author-" + slugWord() + "-" + step + "-" + suffix;
                    String old = au.slug();
                    expect(admin().body(Map.of("slug", slug)).patch(Fixtures.AUTHORS + "/" + au.id()), 200, step,
                            "author slug");
                    au.slug = slug;
                    yield "author slug '" + old + "' -> '" + slug + "'";
                }
                case SECTION_NAME -> {
                    Section s = sections.get(rnd.nextInt(sections.size()));
                    String name = "Section " + word() + " " + step + " & " + suffix;
                    String old = s.name;
                    expect(admin().body(Map.of("name", name)).patch(Fixtures.SECTIONS + "/" + s.id), 200, step,
                            "section name");
                    s.name = name;
                    yield "section " + s.slug + " name '" + old + "' -> '" + name + "'";
                }
                case SECTION_SLUG -> {
                    Section s = sections.get(rnd.nextInt(sections.size()));
                    String slug = "sameness-section-" + slugWord() + "-" + step + "-" + suffix;
                    String old = s.slug;
                    expect(admin().body(Map.of("slug", slug)).patch(Fixtures.SECTIONS + "/" + s.id), 200, step,
                            "section slug");
                    s.slug = slug;
                    yield "section slug '" + old + "' -> '" + slug + "'";
                }
                case SECTION_MOVE -> {
                    // Only the last section moves (never below itself): under another one, or to the top.
                    Section s = sections.get(sections.size() - 1);
                    List<Section> parents = new ArrayList<>(sections.subList(0, sections.size() - 1));
                    parents.add(null);
                    parents.remove(s.parent);
                    if (parents.isEmpty()) {
                        yield null;
                    }
                    Section to = parents.get(rnd.nextInt(parents.size()));
                    Map<String, Object> body = new HashMap<>();
                    body.put("parent", to == null ? null : to.slug);
                    expect(admin().body(body).patch(Fixtures.SECTIONS + "/" + s.id), 200, step, "section move");
                    String what = "section " + s.slug + " moved from " + (s.parent == null ? "top" : s.parent.slug)
                            + " to " + (to == null ? "top" : to.slug);
                    s.parent = to;
                    yield what;
                }
                case NOTICE_HOLDER -> notice(step, "holder", "Holder " + word() + " " + step + " Ltd.");
                case NOTICE_YEAR -> notice(step, "year", 2000 + rnd.nextInt(40));
                case NOTICE_STATEMENT -> notice(step, "statement", rnd.nextInt(4) == 0 ? null
                        : "Some rights reserved, step " + step + " “" + word() + "”.");
                case NOTICE_USAGE_TERMS -> notice(step, "usageTerms", rnd.nextInt(4) == 0 ? null
                        : "Usage terms of step " + step + ": <not> for resale.");
                case SCHEDULE_DUE -> {
                    Art a = arts.stream().filter(x -> state.get(x.id).status.equals("scheduled"))
                            .min((x, y) -> state.get(x.id).visibleFrom().compareTo(state.get(y.id).visibleFrom()))
                            .orElse(null);
                    if (a == null) {
                        yield null;
                    }
                    Instant due = state.get(a.id).visibleFrom();
                    TestClock.get().advancePast(due);
                    yield "clock advanced past " + due + ", when " + a.label() + " is due";
                }
            };
        }

        private String edit(int step, java.util.function.Function<Art, Map<String, ?>> change) {
            Art a = pick(State::editable, true);
            return a == null ? null : patch(a, change.apply(a), step);
        }

        private String notice(int step, String field, Object value) {
            Notice n = notices.get(rnd.nextInt(notices.size()));
            Map<String, Object> body = new HashMap<>();
            body.put(field, value);
            expect(admin().body(body).patch(Fixtures.NOTICES + "/" + n.id()), 200, step, "notice " + field);
            return "notice " + n.id() + " " + body;
        }

        private String future() {
            return TestClock.get().instant().plus(Duration.ofMinutes(30 + rnd.nextInt(48 * 60)))
                    .truncatedTo(ChronoUnit.SECONDS).toString();
        }

        private String word() {
            String[] words = {"alpha", "Ünïcode", "quote\"d", "amp&er", "lt<gt>", "emoji🎉", "back\\slash", "tab\there",
                    "nbsp\u00a0x", "line\u2028sep"};
            return words[rnd.nextInt(words.length)];
        }

        private String slugWord() {
            String[] words = {"red", "blue", "green", "x9", "long-word"};
            return words[rnd.nextInt(words.length)];
        }

        private List<Author> randomAuthors() {
            List<Author> shuffled = new ArrayList<>(authors);
            Collections.shuffle(shuffled, rnd);
            return new ArrayList<>(shuffled.subList(0, rnd.nextInt(Math.min(3, authors.size()) + 1)));
        }

        private List<Map<String, Object>> randomBody(int seed) {
            List<Map<String, Object>> body = new ArrayList<>();
            body.add(Map.of("type", "paragraph", "text", "Paragraph " + seed + " with " + word() + "."));
            if (rnd.nextBoolean()) {
                body.add(Map.of("type", "html", "html", "<p>Some <b>bold</b> &amp; <script>alert(" + seed
                        + ")</script><a href=\"https://example.com/?a=1&b=2\">link</a></p>"));
            }
            return body;
        }

        // --- reads

        /** GET of the article's slug answers exactly {@code document}. */
        void expectArticle(int step, String op, Art a, String document) {
            String slug = state.get(a.id).slug();
            Response r = given().redirects().follow(false).get("/api/v1/articles/" + slug);
            assertEquals(200, r.statusCode(), at(step, op) + ": GET " + slug + " of " + a.label() + ": " + r.asString());
            assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"),
                    at(step, op) + ": GET " + slug + " content type " + r.contentType());
            byte[] body = r.asByteArray();
            if (!Arrays.equals(document.getBytes(StandardCharsets.UTF_8), body)) {
                fail(at(step, op) + ": GET /api/v1/articles/" + slug + " of " + a.label() + " differs from its document: "
                        + difference(new String(body, StandardCharsets.UTF_8), document, "served", "rendered"));
            }
            // The stored ETag is served: it must be the hash of exactly the bytes served.
            assertEquals(ETags.of(body), r.header("ETag"), at(step, op) + ": ETag of GET " + slug + " of " + a.label());
        }

        /**
         * GET /api/v1/articles?{filter}&limit=50 answers exactly the stored summaries of the world's
         * visible articles that {@code shown} admits, newest first, in the list envelope.
         */
        void expectList(int step, String op, String filter, Predicate<Art> shown) {
            List<UUID> ordered = new ArrayList<>();
            query("select id from article where id = any(?) and status = 'published' and visible_from <= cast('"
                    + TestClock.get().instant() + "' as timestamptz) "
                    + "order by published_at desc, id desc", ids(), r -> ordered.add((UUID) r.getObject("id")));
            Map<UUID, Art> byId = arts.stream().collect(Collectors.toMap(a -> a.id, a -> a));
            List<UUID> expectedIds = ordered.stream().filter(id -> shown.test(byId.get(id))).collect(Collectors.toList());
            Map<UUID, Document[]> docs = storedAndRendered(expectedIds);
            StringBuilder expected = new StringBuilder("{\"data\":[");
            for (int i = 0; i < expectedIds.size(); i++) {
                if (i > 0) {
                    expected.append(',');
                }
                expected.append(docs.get(expectedIds.get(i))[0].summary());
            }
            expected.append("],\"meta\":{\"limit\":50,\"nextCursor\":null}}");
            Response r = given().get("/api/v1/articles?" + filter + "&limit=50");
            assertEquals(200, r.statusCode(), at(step, op) + ": list " + filter + ": " + r.asString());
            assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"),
                    at(step, op) + ": list content type " + r.contentType());
            String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
            if (!body.equals(expected.toString())) {
                fail(at(step, op) + ": GET /api/v1/articles?" + filter + "&limit=50 (expected ids " + expectedIds + ") "
                        + difference(body, expected.toString(), "served", "stored summaries"));
            }
        }

        /** The lists filtered by each author and by each section (its subtree). */
        void checkFilteredLists(int step, String op) {
            Map<UUID, List<UUID>> bylines = new HashMap<>();
            query("select article_id, author_id from article_author where article_id = any(?)", ids(),
                    r -> bylines.computeIfAbsent((UUID) r.getObject("article_id"), k -> new ArrayList<>())
                            .add((UUID) r.getObject("author_id")));
            Map<UUID, UUID> sectionOf = new HashMap<>();
            query("select id, section_id from article where id = any(?)", ids(),
                    r -> sectionOf.put((UUID) r.getObject("id"), (UUID) r.getObject("section_id")));
            for (Author au : authors) {
                expectList(step, op, "author=" + au.slug(),
                        a -> bylines.getOrDefault(a.id, List.of()).contains(au.id()));
            }
            for (Section s : sections) {
                List<UUID> subtree = new ArrayList<>();
                for (Section t : sections) {
                    for (Section x = t; x != null; x = x.parent) {
                        if (x == s) {
                            subtree.add(t.id);
                            break;
                        }
                    }
                }
                expectList(step, op, "section=" + s.slug, a -> subtree.contains(sectionOf.get(a.id)));
            }
        }
    }

    static Map<String, Object> entry(String text) {
        return Map.of("body", List.of(Map.of("type", "paragraph", "text", text)));
    }

    // ---------------------------------------------------------------------------------------------
    // SQL, outside the application's transactions

    interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private void query(String sql, List<UUID> ids, RowReader reader) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long countIds(String sql, List<UUID> ids) {
        long[] n = {0};
        query(sql, ids, r -> n[0] = r.getLong(1));
        return n[0];
    }

    private long count(String sql, Object param) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
