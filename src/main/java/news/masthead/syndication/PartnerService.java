package news.masthead.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.time.Now;
import news.masthead.section.SectionSlugs;
import news.masthead.syndication.api.PartnerResponse;
import news.masthead.syndication.api.PartnerWrite;

/** Partners and their rights; a rights change re-judges what each of their feeds holds. */
@ApplicationScoped
public class PartnerService {
    private final PartnerRepository partners;
    private final SectionSlugs sections;
    private final SyndicationLedger ledger;
    private final StrictJson strict;
    private final Now clock;

    PartnerService(PartnerRepository partners, SectionSlugs sections, SyndicationLedger ledger, StrictJson strict, Now clock) {
        this.partners = partners;
        this.sections = sections;
        this.ledger = ledger;
        this.strict = strict;
        this.clock = clock;
    }

    @Transactional
    public PartnerResponse create(PartnerWrite write) {
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.createdAt = clock.instant();
        apply(p, write);
        partners.persist(p);
        ledger.partnerRightsChanged(p.id);
        return view(p);
    }

    @Transactional
    public Page<PartnerResponse> list(String limit, String cursor) {
        KeysetPage page = KeysetPage.parse(limit, cursor);
        return Page.of(partners.pageByCreated(page.afterAt(), page.afterId(), page.limit()), page.limit(), this::view,
                p -> KeysetPage.cursor(p.createdAt, p.id));
    }

    @Transactional
    public PartnerResponse get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public PartnerResponse patch(UUID id, JsonNode body) {
        MergePatch<PartnerWrite> patch = MergePatch.of(body, PartnerWrite.class);
        Partner p = find(id);
        List<String> shown = sections.slugs(p.sectionIds);
        PartnerWrite current = new PartnerWrite(p.name, shown, p.receivesEmbargoed);
        PartnerWrite next = strict.merge(current, patch);
        UUID[] kept = sections.kept(p.sectionIds, shown, next.sections(), "sections");
        apply(p, next);
        p.sectionIds = kept;
        ledger.partnerRightsChanged(p.id);
        return view(p);
    }

    /** Its tokens are revoked with it (the foreign key clears their partner). */
    @Transactional
    public void delete(UUID id) {
        Partner p = find(id);
        partners.getEntityManager().createNativeQuery(
                        "update api_token set revoked_at = coalesce(revoked_at, :now) where partner_id = :id")
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate();
        partners.delete(p);
    }

    private void apply(Partner p, PartnerWrite w) {
        p.name = w.name().strip();
        p.sectionIds = sections.ids(w.sections(), "sections");
        p.receivesEmbargoed = Boolean.TRUE.equals(w.receivesEmbargoed());
        p.modifiedAt = clock.instant();
    }

    private Partner find(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No partner has this id."));
    }

    private PartnerResponse view(Partner p) {
        return new PartnerResponse(p.id, p.name, sections.slugs(p.sectionIds), p.receivesEmbargoed, p.createdAt, p.modifiedAt);
    }
}
