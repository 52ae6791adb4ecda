package news.masthead.syndication.ninjs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.LeadImage;
import news.masthead.article.body.Block;
import news.masthead.common.site.SiteConfig;
import news.masthead.common.site.Urns;
import news.masthead.common.time.Now;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsAltId;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsAssociation;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsRendition;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsBody;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsEntity;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsStandard;
import news.masthead.syndication.ninjs.NinjsDocument.NinjsText;

/**
 * An article, as the Content API shows it, to an IPTC ninjs 2.2 document. It works on the
 * representation, never the entity, so ninjs can carry nothing the Article does not.
 */
@ApplicationScoped
public class NinjsMapper {
    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    private static final NinjsStandard STANDARD = new NinjsStandard("ninjs", "2.2", SCHEMA);
    static final String KILL_NOTE = "KILL: this story has been withdrawn. Remove it, and every copy of it, from all "
            + "platforms and archives; do not republish it.";

    private final Now clock;
    private final String language;

    @Inject
    NinjsMapper(Now clock, SiteConfig site) {
        this(clock, site.language());
    }

    public NinjsMapper(Now clock, String language) {
        this.clock = clock;
        this.language = language;
    }

    /** @param embargoedUntil the article's embargo, or null; {@code pubstatus} is "withheld" while it holds */
    public NinjsDocument ninjs(ArticleResponse a, Instant embargoedUntil) {
        return ninjs(a, embargoedUntil, clock.instant());
    }

    public NinjsDocument ninjs(ArticleResponse a, Instant embargoedUntil, Instant now) {
        boolean withheld = embargoedUntil != null && embargoedUntil.isAfter(now);
        List<Block> kept = BodyHtml.kept(a.body(), EnumSet.noneOf(BodyHtml.Include.class));
        String html = BodyHtml.syndication(a.body());
        Instant versionCreated = a.updatedAt() != null ? a.updatedAt() : a.publishedAt();
        return new NinjsDocument(
                Urns.article(a.id()),
                STANDARD,
                "text",
                "full",
                time(a.publishedAt()),
                time(versionCreated),
                time(embargoedUntil),
                withheld ? "withheld" : "usable",
                language,
                List.of(new NinjsText("main", "text/plain", a.headline())),
                blank(a.summary()) ? null : List.of(new NinjsText("summary", "text/plain", a.summary())),
                html.isEmpty() ? null : List.of(new NinjsBody("main", "text/html", words(kept), html)),
                byline(a.authors()),
                people(a.authors()),
                subjects(a),
                List.of(new NinjsAltId("slug", a.slug())),
                a.copyright() == null ? null : a.copyright().holder(),
                a.copyright() == null ? null : a.copyright().notice(),
                a.copyright() == null || blank(a.copyright().usageTerms()) ? null : a.copyright().usageTerms(),
                null,
                a.leadImage() == null ? null : List.of(picture(a)));
    }

    /** The lead image as an associated picture, under the article's own rights. */
    private static NinjsAssociation picture(ArticleResponse a) {
        LeadImage i = a.leadImage();
        List<NinjsText> descriptions = new ArrayList<>();
        descriptions.add(new NinjsText("alt", "text/plain", i.alt()));
        if (!blank(i.caption())) {
            descriptions.add(new NinjsText("caption", "text/plain", i.caption()));
        }
        return new NinjsAssociation("leadimage", i.url(), "picture", "partial", descriptions, blank(i.credit()) ? null : i.credit(),
                a.copyright() == null ? null : a.copyright().holder(),
                a.copyright() == null ? null : a.copyright().notice(),
                a.copyright() == null || blank(a.copyright().usageTerms()) ? null : a.copyright().usageTerms(),
                List.of(new NinjsRendition("original", i.url(), i.width(), i.height())));
    }

    /**
     * The kill notice of an article a partner received: ninjs's {@code canceled}, with no headline,
     * body, byline or slug, since any of them may be what had to come down. A ninjs pipeline that
     * polls by id sees the kill and deletes its copy.
     *
     * @param firstCreated when the article was first published
     * @param killedAt     the kill: this version's instant
     */
    public NinjsDocument canceled(UUID articleId, Instant firstCreated, Instant killedAt) {
        return new NinjsDocument(Urns.article(articleId), STANDARD, "text", "partial", time(firstCreated), time(killedAt), null,
                "canceled", language, null, null, null, null, null, null, null, null, null, null, KILL_NOTE, null);
    }

    /** "Jane Doe", "Jane Doe and John Roe", "A, B and C"; null without authors. */
    static String byline(List<AuthorRef> authors) {
        if (authors == null || authors.isEmpty()) {
            return null;
        }
        List<String> names = authors.stream().map(AuthorRef::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static List<NinjsEntity> people(List<AuthorRef> authors) {
        return authors == null ? null : authors.stream().map(au -> new NinjsEntity(au.name(), "author", au.slug())).toList();
    }

    /** The section, then the tags: what the article is filed under and about. */
    private static List<NinjsEntity> subjects(ArticleResponse a) {
        List<NinjsEntity> out = new ArrayList<>();
        if (a.section() != null) {
            out.add(new NinjsEntity(a.section().name(), "section", a.section().slug()));
        }
        if (a.tags() != null) {
            a.tags().forEach(t -> out.add(new NinjsEntity(t, "tag", t)));
        }
        return out;
    }

    private static int words(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            String text = b.plainText().strip();
            if (!text.isEmpty()) {
                n += text.split("\\s+").length;
            }
        }
        return n;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
