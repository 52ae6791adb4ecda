package news.masthead.access;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import news.masthead.access.api.TokenCreate;
import news.masthead.access.api.TokenCreated;
import news.masthead.access.api.TokenResponse;
import news.masthead.access.api.TokenUpdate;
import news.masthead.common.error.ForeignKeys;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.time.Now;
import news.masthead.section.SectionRepository;
import news.masthead.section.SectionSlugs;

/** Issuing, listing, changing and revoking API tokens, and resolving a presented secret. */
@ApplicationScoped
public class TokenService {
    private static final String PARTNER_KEY = "api_token_partner_fk";

    private final ApiTokenRepository tokens;
    private final SectionRepository sections;
    private final StrictJson strict;
    private final Caller caller;
    private final Now clock;
    private final SectionSlugs sectionSlugs;

    TokenService(ApiTokenRepository tokens, SectionRepository sections, StrictJson strict, Caller caller, Now clock,
                 SectionSlugs sectionSlugs) {
        this.tokens = tokens;
        this.sections = sections;
        this.strict = strict;
        this.caller = caller;
        this.clock = clock;
        this.sectionSlugs = sectionSlugs;
    }

    @Transactional
    public TokenCreated create(TokenCreate request) {
        Instant now = clock.instant();
        requireFuture(request.expiresAt(), now);
        if ("partner".equals(request.role()) != (request.partner() != null)) {
            throw new InvalidException("partner", "is required for role partner, and only for it");
        }
        String secret = Secrets.newSecret();
        ApiToken t = new ApiToken();
        t.id = UUID.randomUUID();
        t.name = request.name().strip();
        t.role = request.role();
        t.secretHash = Secrets.hash(secret);
        t.sectionIds = sectionIds(request.sections());
        t.partnerId = request.partner();
        t.expiresAt = request.expiresAt();
        t.createdAt = now;
        t.createdBy = caller.name();
        t.modifiedAt = now;
        // The partner is checked by the foreign key (V21), so tokens need nothing of the syndication feature.
        ForeignKeys.checked(PARTNER_KEY, "partner", missing -> "names no partner", () -> {
            tokens.persist(t);
            tokens.flush();
            return t;
        });
        return new TokenCreated(t.id, t.name, t.role, slugs(t.sectionIds), t.partnerId, t.expiresAt, t.createdAt,
                t.createdBy, secret);
    }

    @Transactional
    public Page<TokenResponse> list(String limit, String cursor) {
        KeysetPage page = KeysetPage.parse(limit, cursor);
        return Page.of(tokens.pageByCreated(page.afterAt(), page.afterId(), page.limit()), page.limit(), this::view,
                t -> KeysetPage.cursor(t.createdAt, t.id));
    }

    @Transactional
    public TokenResponse get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public TokenResponse patch(UUID id, JsonNode body) {
        MergePatch<TokenUpdate> patch = MergePatch.of(body, TokenUpdate.class);
        ApiToken t = find(id);
        List<String> shown = slugs(t.sectionIds);
        TokenUpdate current = new TokenUpdate(t.name, shown, t.expiresAt);
        TokenUpdate next = strict.merge(current, patch);
        Instant now = clock.instant();
        if (next.expiresAt() != null && !next.expiresAt().equals(t.expiresAt)) {
            requireFuture(next.expiresAt(), now);
        }
        t.name = next.name().strip();
        t.sectionIds = sectionSlugs.kept(t.sectionIds, shown, next.sections(), "sections");
        t.expiresAt = next.expiresAt();
        t.modifiedAt = now;
        return view(t);
    }

    /** Revocation takes effect on the token's very next request: secrets are checked on every call. */
    @Transactional
    public void revoke(UUID id) {
        ApiToken t = find(id);
        if (t.revokedAt == null) {
            t.revokedAt = clock.instant();
            t.modifiedAt = t.revokedAt;
        }
    }

    /** The identity behind a secret, if it names a live token. */
    @Transactional
    public Optional<TokenIdentity> authenticate(String secret) {
        String hash = Secrets.hash(secret);
        Instant now = clock.instant();
        return tokens.findBySecretHash(hash)
                .filter(t -> Secrets.constantTimeEquals(t.secretHash, hash))
                .filter(t -> t.revokedAt == null && (t.expiresAt == null || t.expiresAt.isAfter(now)))
                .map(t -> new TokenIdentity(t.id, t.name, t.role, scope(t.sectionIds), t.partnerId));
    }

    private ApiToken find(UUID id) {
        return tokens.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No token has this id."));
    }

    private TokenResponse view(ApiToken t) {
        return new TokenResponse(t.id, t.name, t.role, slugs(t.sectionIds), t.partnerId, t.expiresAt, t.revokedAt,
                t.createdAt, t.createdBy);
    }

    private UUID[] sectionIds(List<String> slugs) {
        return sectionSlugs.ids(slugs, "sections");
    }

    private List<String> slugs(UUID[] ids) {
        return sectionSlugs.slugs(ids);
    }

    /** A desk token reaches its sections and everything below them. */
    private Optional<Set<UUID>> scope(UUID[] roots) {
        if (roots.length == 0) {
            return Optional.empty();
        }
        Map<UUID, List<UUID>> children = new HashMap<>();
        sections.getEntityManager().createQuery("select s.id, p.id from Section s left join s.parent p", Object[].class)
                .getResultList()
                .forEach(row -> children.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add((UUID) row[0]));
        Set<UUID> scope = new HashSet<>();
        List<UUID> todo = new ArrayList<>(Arrays.asList(roots));
        while (!todo.isEmpty()) {
            UUID id = todo.remove(todo.size() - 1);
            if (scope.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return Optional.of(Set.copyOf(scope));
    }

    private static void requireFuture(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidException("expiresAt", "must be in the future");
        }
    }

}
