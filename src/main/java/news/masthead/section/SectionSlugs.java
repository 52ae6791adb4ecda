package news.masthead.section;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import news.masthead.common.error.InvalidException;

/**
 * Section lists kept by id (slugs may change) and shown by slug, for tokens and partners that
 * are limited to sections.
 */
@ApplicationScoped
public class SectionSlugs {
    private final SectionRepository sections;

    SectionSlugs(SectionRepository sections) {
        this.sections = sections;
    }

    /** Resolves slugs to ids, naming {@code field} when one names no section. */
    public UUID[] ids(List<String> slugs, String field) {
        if (slugs == null) {
            return new UUID[0];
        }
        List<UUID> ids = new ArrayList<>();
        for (String slug : slugs) {
            // Shared on the row until commit, so the section cannot be deleted before the list naming it is stored.
            Section s = sections.find("slug", slug).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional()
                    .orElseThrow(() -> new InvalidException(field, "names no section: '" + slug + "'"));
            if (!ids.contains(s.id)) {
                ids.add(s.id);
            }
        }
        return ids.toArray(UUID[]::new);
    }

    /**
     * The ids a merge patch leaves: the stored ones when the patch did not change the slugs they
     * show as. A list is never rebuilt from its slugs, so an id that no longer resolves (a revoked
     * token's section, deleted later) can never drop out and leave an empty list, which means all.
     */
    public UUID[] kept(UUID[] stored, List<String> shown, List<String> next, String field) {
        return java.util.Objects.equals(shown, next == null ? List.of() : next) ? stored : ids(next, field);
    }

    public List<String> slugs(UUID[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        Map<UUID, String> bySlug = new HashMap<>();
        sections.list("id in ?1", Arrays.asList(ids)).forEach(s -> bySlug.put(s.id, s.slug));
        return Arrays.stream(ids).map(bySlug::get).filter(Objects::nonNull).toList();
    }
}
