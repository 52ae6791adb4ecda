package news.masthead.access;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a live token grants: a role, optionally limited to a set of sections, or a partner. */
public record TokenIdentity(UUID tokenId, String name, String role, Optional<Set<UUID>> sectionScope, UUID partnerId) {
}
