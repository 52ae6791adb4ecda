package news.masthead.section;

import jakarta.enterprise.context.ApplicationScoped;
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
            Section s = sections.findBySlug(slug)
                    .orElseThrow(() -> new InvalidException(field, "names no section: '" + slug + "'"));
            if (!ids.contains(s.id)) {
                ids.add(s.id);
            }
        }
        return ids.toArray(UUID[]::new);
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
