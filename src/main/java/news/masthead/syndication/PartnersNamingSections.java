package news.masthead.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import news.masthead.section.SectionHolders;

/** Partners keep the sections they are limited to. */
@ApplicationScoped
class PartnersNamingSections implements SectionHolders {
    private final EntityManager em;

    PartnersNamingSections(EntityManager em) {
        this.em = em;
    }

    @Override
    public String naming(UUID sectionId) {
        long n = ((Number) em.createNativeQuery("select count(*) from partner where :id = any(section_ids)")
                .setParameter("id", sectionId).getSingleResult()).longValue();
        return n == 0 ? null : n + " partner(s)";
    }
}
