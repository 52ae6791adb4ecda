package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import news.masthead.article.PublicRows.Byline;
import news.masthead.article.PublicRows.Listed;
import news.masthead.article.PublicRows.Shown;
import news.masthead.article.api.AdminArticleResponse;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.ArticleSummaryResponse;
import news.masthead.article.api.ArticleWrite;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.CopyrightView;
import news.masthead.article.api.Headlines;
import news.masthead.article.api.LeadImage;
import news.masthead.article.api.KillView;
import news.masthead.article.api.PublicUpdate;
import news.masthead.article.api.SectionRef;
import news.masthead.article.body.Block;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.copyright.CopyrightNotice;

/** Entity to representation, in one place for every API that shows an article. */
@ApplicationScoped
public class ArticleMapper {
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };
    /** The {@code updates} column holds domain records, never the API's: renaming an API field must not orphan stored notes. */
    private static final TypeReference<List<ArticleSnapshot.Update>> UPDATES = new TypeReference<>() {
    };

    private static final TypeReference<ArticleSnapshot.LeadImage> LEAD_IMAGE = new TypeReference<>() {
    };
    private static final TypeReference<ArticleSnapshot.Headlines> HEADLINES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ArticleMapper(ObjectMapper json) {
        this.json = json;
    }

    public ArticleResponse article(Article a) {
        return new ArticleResponse(a.id, a.slug, a.headline, a.summary, section(a), authors(a), tags(a),
                body(a), copyright(a.copyrightNotice), a.publishedAt, a.updatedAt, updates(a), a.kind, a.live,
                leadImage(storedLeadImage(a.leadImage)), headlines(storedHeadlines(a.headlines)));
    }

    /** A published article from its public row and bylines. */
    public ArticleResponse article(Shown r) {
        Listed l = r.listed();
        return new ArticleResponse(l.id(), l.slug(), l.headline(), l.summary(), section(l), authorRefs(l.bylines()),
                Arrays.asList(l.tags()), read(r.body(), BLOCKS), copyright(l), l.publishedAt(), l.updatedAt(),
                publicUpdates(read(r.updates(), UPDATES)), l.kind(), l.live(), leadImage(storedLeadImage(l.leadImage())),
                headlines(storedHeadlines(r.headlines())));
    }

    /** A list entry from its public row and bylines; {@code snippet} only for search hits (null: none). */
    public ArticleSummaryResponse summary(Listed l, String snippet) {
        return new ArticleSummaryResponse(l.id(), l.slug(), l.headline(), l.summary(), section(l), authorRefs(l.bylines()),
                Arrays.asList(l.tags()), copyright(l), l.publishedAt(), l.updatedAt(), l.kind(), l.live(),
                leadImage(storedLeadImage(l.leadImage())), snippet);
    }

    /** The surrogate keys of everything a public row shows. */
    public List<String> keys(Listed l) {
        List<String> keys = new ArrayList<>();
        keys.add(SurrogateKeys.article(l.id()));
        if (l.sectionId() != null) {
            keys.add(SurrogateKeys.section(l.sectionId()));
        }
        l.bylines().forEach(b -> keys.add(SurrogateKeys.author(b.authorId())));
        keys.add(SurrogateKeys.notice(l.noticeId()));
        return keys;
    }

    private static SectionRef section(Listed l) {
        return l.sectionId() == null ? null : new SectionRef(l.sectionSlug(), l.sectionName());
    }

    private static List<AuthorRef> authorRefs(List<Byline> bylines) {
        return bylines.stream().map(b -> new AuthorRef(b.slug(), b.name())).toList();
    }

    private static CopyrightView copyright(Listed l) {
        return new CopyrightView(l.holder(), l.year(), CopyrightNotice.notice(l.year(), l.holder(), l.statement()), l.usageTerms());
    }

    public AdminArticleResponse admin(Article a, Instant now) {
        return admin(snapshot(a), now);
    }

    /** The admin representation of an article as {@code s} holds it, its status as of {@code now}. */
    public AdminArticleResponse admin(ArticleSnapshot s, Instant now) {
        ArticleStatus status = s.statusAt(now);
        ArticleSnapshot.Notice n = s.copyright();
        return new AdminArticleResponse(s.id(), s.slug(), s.headline(), s.summary(),
                s.section() == null ? null : new SectionRef(s.section().slug(), s.section().name()),
                s.authors().stream().map(au -> new AuthorRef(au.slug(), au.name())).toList(), s.tags(), s.body(),
                n == null ? null : n.id(),
                n == null ? null : new CopyrightView(n.holder(), n.year(), n.notice(), n.usageTerms()),
                s.publishedAt(), s.updatedAt(),
                publicUpdates(s.updates()),
                status.wire(), s.revision(), s.createdAt(), s.createdBy(), s.modifiedAt(), s.modifiedBy(),
                status == ArticleStatus.SCHEDULED ? s.visibleFrom() : null, s.embargoedUntil(),
                s.kill() == null ? null : new KillView(s.kill().at(), s.kill().by(), s.kill().reason()),
                s.kind(), s.live(), leadImage(s.leadImage()), headlines(s.headlines()));
    }

    /** The article as it now is, as a revision keeps it. */
    public ArticleSnapshot snapshot(Article a) {
        CopyrightNotice n = a.copyrightNotice;
        return new ArticleSnapshot(ArticleSnapshot.SCHEMA, a.id, a.slug, a.headline, a.summary, body(a),
                a.section == null ? null : new ArticleSnapshot.Section(a.section.id, a.section.slug, a.section.name),
                a.authors.stream().map(au -> new ArticleSnapshot.Author(au.id, au.slug, au.name)).toList(), tags(a),
                new ArticleSnapshot.Notice(n.id, n.holder, n.year, n.notice(), n.usageTerms),
                a.status, a.publishedAt, a.updatedAt, a.embargoedUntil, a.visibleFrom, a.trashedAt,
                storedUpdates(a),
                a.revision, a.createdAt, a.createdBy, a.modifiedAt, a.modifiedBy,
                a.killedAt == null ? null : new ArticleSnapshot.Kill(a.killedAt, a.killedBy, a.killReason),
                a.kind, a.live, storedLeadImage(a.leadImage), storedHeadlines(a.headlines));
    }

    /** The article's current values as a write body: the base a merge patch applies to. */
    public ArticleWrite write(Article a) {
        return new ArticleWrite(a.slug, a.headline, a.summary, body(a), a.section == null ? null : a.section.slug,
                a.authors.stream().map(au -> au.slug).toList(), tags(a), a.copyrightNotice.id, a.kind, liveWrite(a.kind, a.live),
                leadImage(storedLeadImage(a.leadImage)), headlines(storedHeadlines(a.headlines)));
    }

    /**
     * A revision snapshot as a write body, for restoring it. Section and authors are named by slug,
     * as an editor's write names them, so a restore is validated like any other write; the slugs are
     * those {@code sectionSlug} and {@code authorSlug} give now (RevisionService: found by id, since a
     * slug may have been renamed, or taken by someone else, after the revision).
     */
    public ArticleWrite write(ArticleSnapshot snapshot, Function<ArticleSnapshot.Section, String> sectionSlug,
                              Function<ArticleSnapshot.Author, String> authorSlug) {
        return new ArticleWrite(snapshot.slug(), snapshot.headline(), snapshot.summary(), snapshot.body(),
                snapshot.section() == null ? null : sectionSlug.apply(snapshot.section()),
                snapshot.authors().stream().map(authorSlug).toList(), snapshot.tags(),
                snapshot.copyright() == null ? null : snapshot.copyright().id(), snapshot.kind(),
                liveWrite(snapshot.kind(), snapshot.live()), leadImage(snapshot.leadImage()), headlines(snapshot.headlines()));
    }

    /**
     * {@code live} as a write body states it: a story's as absent, so a merge patch that turns a
     * story into a liveblog starts it live unless it says otherwise.
     */
    private static Boolean liveWrite(String kind, boolean live) {
        return ArticleKind.LIVEBLOG.equals(kind) ? live : null;
    }

    public List<Block> body(Article a) {
        return read(a.body, BLOCKS);
    }

    /** Body blocks as stored (an article's or a liveblog entry's). */
    public List<Block> blocks(String stored) {
        return read(stored, BLOCKS);
    }

    public List<PublicUpdate> updates(Article a) {
        return publicUpdates(storedUpdates(a));
    }

    /** The public update notes as stored. */
    public List<ArticleSnapshot.Update> storedUpdates(Article a) {
        return read(a.updates, UPDATES);
    }

    private static List<PublicUpdate> publicUpdates(List<ArticleSnapshot.Update> stored) {
        return stored.stream().map(u -> new PublicUpdate(u.at(), u.kind(), u.note())).toList();
    }

    /** The lead image stored in a row ({@code lead_image} as text); null when there is none. */
    public ArticleSnapshot.LeadImage storedLeadImage(String stored) {
        return stored == null ? null : read(stored, LEAD_IMAGE);
    }

    /** The alternative headlines stored in a row ({@code headlines} as text); null when there are none. */
    public ArticleSnapshot.Headlines storedHeadlines(String stored) {
        return stored == null ? null : read(stored, HEADLINES);
    }

    public static LeadImage leadImage(ArticleSnapshot.LeadImage i) {
        return i == null ? null : new LeadImage(i.url(), i.alt(), i.caption(), i.credit(), i.width(), i.height());
    }

    public static Headlines headlines(ArticleSnapshot.Headlines h) {
        return h == null ? null : new Headlines(h.seo(), h.social());
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }

    private static SectionRef section(Article a) {
        return a.section == null ? null : new SectionRef(a.section.slug, a.section.name);
    }

    private static List<AuthorRef> authors(Article a) {
        return a.authors.stream().map(au -> new AuthorRef(au.slug, au.name)).toList();
    }

    private static List<String> tags(Article a) {
        return Arrays.asList(a.tags);
    }

    private static CopyrightView copyright(CopyrightNotice n) {
        return new CopyrightView(n.holder, n.year, n.notice(), n.usageTerms);
    }
}
