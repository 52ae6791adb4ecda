package news.masthead.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import news.masthead.section.SectionHolders;

/**
 * Tokens that are not revoked keep their sections: an expired one can be given a new expiry. A
 * revoked token never authenticates again, so it does not hold its sections.
 */
@ApplicationScoped
class TokensNamingSections implements SectionHolders {
    private final EntityManager em;

    TokensNamingSections(EntityManager em) {
        this.em = em;
    }

    @Override
    public String naming(UUID sectionId) {
        long n = ((Number) em.createNativeQuery(
                        "select count(*) from api_token where revoked_at is null and :id = any(section_ids)")
                .setParameter("id", sectionId).getSingleResult()).longValue();
        return n == 0 ? null : n + " token(s)";
    }
}
