package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.common.error.ForbiddenException;
import news.masthead.common.error.NotFoundException;
import news.masthead.section.Section;

/**
 * What the calling token may do with an article beyond its role: a desk token sees only its
 * sections (anything else is a 404, so ids cannot be probed), and a writer edits only its own
 * unpublished drafts.
 */
@ApplicationScoped
class ArticleAccess {
    private final Caller caller;

    ArticleAccess(Caller caller) {
        this.caller = caller;
    }

    Optional<Set<UUID>> scope() {
        return caller.sectionScope();
    }

    Article readable(Optional<Article> article) {
        return article.filter(this::inScope).orElseThrow(() -> new NotFoundException("No article has this id."));
    }

    void requireWritable(Article a, Instant now) {
        if (!caller.isWriterOnly()) {
            return;
        }
        ArticleStatus status = ArticleStatus.of(a, now);
        boolean own = a.ownerTokenId != null && caller.tokenId().filter(a.ownerTokenId::equals).isPresent();
        if (!own || (status != ArticleStatus.DRAFT && status != ArticleStatus.UNPUBLISHED)) {
            throw new ForbiddenException("A writer may edit only its own unpublished articles.");
        }
    }

    void requireSectionAllowed(Section section) {
        scope().ifPresent(scope -> {
            if (section == null || !scope.contains(section.id)) {
                throw new ForbiddenException("This token may only place articles in its own sections.");
            }
        });
    }

    Optional<UUID> ownerToken() {
        return caller.tokenId();
    }

    /**
     * What the calling token may preview: its sections, and a writer only what it created (a
     * writer without a token id, which cannot happen, would see nothing rather than everything).
     */
    PreviewScope previewScope() {
        UUID owner = caller.isWriterOnly() ? caller.tokenId().orElse(new UUID(0, 0)) : null;
        return new PreviewScope(scope().orElse(null), owner, null);
    }

    /** A writer previews, and makes preview links for, only the articles its token created. */
    void requireOwnIfWriter(Article a) {
        if (caller.isWriterOnly() && (a.ownerTokenId == null || !caller.tokenId().filter(a.ownerTokenId::equals).isPresent())) {
            throw new ForbiddenException("A writer may preview only its own articles.");
        }
    }

    private boolean inScope(Article a) {
        return scope().map(s -> a.section != null && s.contains(a.section.id)).orElse(true);
    }
}
