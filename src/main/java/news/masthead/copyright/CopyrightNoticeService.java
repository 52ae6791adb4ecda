package news.masthead.copyright;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.render.ReferenceChanged;
import java.util.Set;
import java.util.UUID;
import news.masthead.common.cache.ContentChanged;
import news.masthead.common.cache.SurrogateKeys;
import news.masthead.common.error.ConflictException;
import news.masthead.common.error.ForeignKeys;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.Page;
import news.masthead.common.time.Now;
import news.masthead.copyright.api.CopyrightNoticeResponse;
import news.masthead.copyright.api.CopyrightNoticeWrite;

/** The use cases of copyright notices, including which one is the default for new articles. */
@ApplicationScoped
public class CopyrightNoticeService {
    private static final String PARTNER_KEY = "copyright_notice_partner_partner_id_fkey";

    private final CopyrightNoticeRepository notices;
    private final NoticeReferences articles;
    private final StrictJson strict;
    private final Now clock;
    private final Event<NoticeRightsChanged> rightsChanged;
    private final ContentChanged changed;
    private final Event<ReferenceChanged> shown;

    CopyrightNoticeService(CopyrightNoticeRepository notices, NoticeReferences articles, StrictJson strict, Now clock,
                           Event<NoticeRightsChanged> rightsChanged, ContentChanged changed, Event<ReferenceChanged> shown) {
        this.shown = shown;
        this.changed = changed;
        this.notices = notices;
        this.articles = articles;
        this.strict = strict;
        this.clock = clock;
        this.rightsChanged = rightsChanged;
    }

    @Transactional
    public CopyrightNoticeResponse create(CopyrightNoticeWrite write) {
        Instant now = clock.instant();
        CopyrightNotice n = new CopyrightNotice();
        n.id = UUID.randomUUID();
        n.createdAt = now;
        n.modifiedAt = now;
        partnersChecked(() -> {
            apply(n, write, now);
            notices.persist(n);
            notices.flush();
        });
        changed.publish(keys(n, false));
        return view(n);
    }

    @Transactional
    public CopyrightNoticeResponse get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public Page<CopyrightNoticeResponse> list(String limit, String cursor) {
        KeysetPage page = KeysetPage.parse(limit, cursor);
        List<CopyrightNotice> rows = notices.newestPage(page.afterAt(), page.afterId(), page.limit() + 1);
        return Page.of(rows, page.limit(), CopyrightNoticeService::view,
                n -> KeysetPage.cursor(n.createdAt, n.id));
    }

    /** JSON Merge Patch over the write fields; {@code isDefault: true} moves the default here. */
    @Transactional
    public CopyrightNoticeResponse patch(UUID id, JsonNode body) {
        MergePatch<CopyrightNoticeWrite> patch = MergePatch.of(body, CopyrightNoticeWrite.class);
        CopyrightNotice n = find(id);
        CopyrightNoticeWrite current = write(n);
        CopyrightNoticeWrite next = strict.merge(current, patch);
        if (!next.equals(current)) {
            boolean wasDefault = n.isDefault;
            Instant now = clock.instant();
            partnersChecked(() -> {
                apply(n, next, now);
                n.modifiedAt = now;
                notices.flush();
            });
            if (!next.syndicationOrNone().equals(current.syndicationOrNone())
                    || !Set.copyOf(next.partnersOrNone()).equals(Set.copyOf(current.partnersOrNone()))) {
                rightsChanged.fire(new NoticeRightsChanged(n.id));
            }
            changed.publish(keys(n, wasDefault));
            if (!Objects.equals(next.holder(), current.holder()) || !Objects.equals(next.year(), current.year())
                    || !Objects.equals(next.statement(), current.statement())
                    || !Objects.equals(next.usageTerms(), current.usageTerms())) {
                // Every article shows its notice: their documents are rendered again.
                shown.fire(new ReferenceChanged(ReferenceChanged.Kind.NOTICE, n.id));
            }
        }
        return view(n);
    }

    @Transactional
    public void delete(UUID id) {
        CopyrightNotice n = find(id);
        long using = articles.articlesCarrying(n.id);
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

    /**
     * Listed partners are checked by the foreign key of copyright_notice_partner, so notices need
     * nothing of the syndication feature; {@code write} must flush.
     */
    private static void partnersChecked(Runnable write) {
        ForeignKeys.checked(PARTNER_KEY, "partners", missing -> "names no partner: " + missing, () -> {
            write.run();
            return null;
        });
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
