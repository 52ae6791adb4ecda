package news.masthead.copyright;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.ArticleRepository;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.CursorParts;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.copyright.api.CopyrightNoticeResponse;
import news.masthead.copyright.api.CopyrightNoticeWrite;
import news.masthead.syndication.PartnerService;
import news.masthead.syndication.SyndicationLedger;

/** The use cases of copyright notices, including which one is the default for new articles. */
@ApplicationScoped
public class CopyrightNoticeService {
    static final Set<String> PATCHABLE = Set.of("holder", "year", "statement", "usageTerms", "syndication", "isDefault",
            "partners");

    private final CopyrightNoticeRepository notices;
    private final ArticleRepository articles;
    private final StrictJson strict;
    private final Now clock;
    private final PartnerService partners;
    private final SyndicationLedger ledger;
    private final ContentChanged changed;

    CopyrightNoticeService(CopyrightNoticeRepository notices, ArticleRepository articles, StrictJson strict, Now clock,
                           PartnerService partners, SyndicationLedger ledger, ContentChanged changed) {
        this.changed = changed;
        this.notices = notices;
        this.articles = articles;
        this.strict = strict;
        this.clock = clock;
        this.partners = partners;
        this.ledger = ledger;
    }

    @Transactional
    public CopyrightNoticeResponse create(CopyrightNoticeWrite write) {
        Instant now = clock.instant();
        CopyrightNotice n = new CopyrightNotice();
        n.id = UUID.randomUUID();
        n.createdAt = now;
        n.modifiedAt = now;
        apply(n, write, now);
        notices.persist(n);
        changed.publish(keys(n, false));
        return view(n);
    }

    @Transactional
    public CopyrightNoticeResponse get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public Page<CopyrightNoticeResponse> list(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor, 2);
        Instant afterAt = page.after().map(c -> CursorParts.instant(c.get(0))).orElse(null);
        UUID afterId = page.after().map(c -> CursorParts.uuid(c.get(1))).orElse(null);
        List<CopyrightNotice> rows = notices.newestPage(afterAt, afterId, page.limit() + 1);
        return Page.of(rows, page.limit(), CopyrightNoticeService::view,
                n -> PageRequest.encode(n.createdAt.toString(), n.id.toString()));
    }

    /** JSON Merge Patch over the write fields; {@code isDefault: true} moves the default here. */
    @Transactional
    public CopyrightNoticeResponse patch(UUID id, JsonNode patch) {
        MergePatch.requireOnly(patch, PATCHABLE);
        CopyrightNotice n = find(id);
        CopyrightNoticeWrite current = write(n);
        CopyrightNoticeWrite next = strict.read(MergePatch.apply(strict.tree(current), patch), CopyrightNoticeWrite.class);
        if (!next.equals(current)) {
            boolean wasDefault = n.isDefault;
            Instant now = clock.instant();
            apply(n, next, now);
            n.modifiedAt = now;
            if (!next.syndicationOrNone().equals(current.syndicationOrNone())
                    || !Set.copyOf(next.partnersOrNone()).equals(Set.copyOf(current.partnersOrNone()))) {
                notices.flush();
                ledger.noticeRightsChanged(n.id);
            }
            changed.publish(keys(n, wasDefault));
        }
        return view(n);
    }

    @Transactional
    public void delete(UUID id) {
        CopyrightNotice n = find(id);
        long using = articles.countUsingNotice(n.id);
        if (using > 0) {
            throw new ConflictException("The copyright notice is carried by " + using
                    + " article(s), in some status; give them another notice first.");
        }
        notices.delete(n);
        changed.publish(keys(n, n.isDefault));
    }

    /**
     * What a notice write changes in public: every answer that shows the notice ({@code notice-<id>}),
     * and when the default notice is involved (it was or is the default), the feeds, whose rights line
     * is the default notice's ({@code feeds}).
     */
    private static List<String> keys(CopyrightNotice n, boolean wasDefault) {
        return wasDefault || n.isDefault ? List.of(SurrogateKeys.notice(n.id), SurrogateKeys.FEEDS)
                : List.of(SurrogateKeys.notice(n.id));
    }

    private CopyrightNotice find(UUID id) {
        return notices.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No copyright notice has this id."));
    }

    private void apply(CopyrightNotice n, CopyrightNoticeWrite w, Instant now) {
        n.holder = w.holder().strip();
        n.year = w.year();
        n.statement = blankToNull(w.statement());
        n.usageTerms = blankToNull(w.usageTerms());
        n.syndication = w.syndicationOrNone();
        for (UUID partner : w.partnersOrNone()) {
            if (!partners.exists(partner)) {
                throw new InvalidException("partners", "names no partner: " + partner);
            }
        }
        n.partnerIds.clear();
        n.partnerIds.addAll(w.partnersOrNone());
        setDefault(n, w.makesDefault(), now);
    }

    /**
     * At most one notice is the default (a partial unique index says so too). The previous
     * default is cleared and flushed first, so the database never sees two at once.
     */
    private void setDefault(CopyrightNotice n, boolean wanted, Instant now) {
        if (!wanted || n.isDefault) {
            n.isDefault = wanted;
            return;
        }
        notices.findDefaultForUpdate().filter(previous -> !previous.id.equals(n.id)).ifPresent(previous -> {
            previous.isDefault = false;
            previous.modifiedAt = now;
            notices.flush();
        });
        n.isDefault = true;
    }

    private static CopyrightNoticeWrite write(CopyrightNotice n) {
        return new CopyrightNoticeWrite(n.holder, n.year, n.statement, n.usageTerms, n.syndication, n.isDefault,
                n.partnerIds.stream().sorted().toList());
    }

    private static CopyrightNoticeResponse view(CopyrightNotice n) {
        return new CopyrightNoticeResponse(n.id, n.holder, n.year, n.statement, n.usageTerms, n.syndication,
                n.isDefault, n.notice(), n.partnerIds.stream().sorted().toList(), n.createdAt, n.modifiedAt);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
