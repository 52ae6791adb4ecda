package news.masthead.preview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import news.masthead.access.Caller;
import news.masthead.access.Secrets;
import news.masthead.article.ArticlePreviews;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.time.Now;
import news.masthead.preview.api.PreviewLinkCreated;
import news.masthead.preview.api.PreviewLinkResponse;
import news.masthead.preview.api.PreviewLinkWrite;

/**
 * Preview links: made, listed and revoked by who may preview the article (editors and admins in
 * their sections, a writer for its own articles), and resolved to their article when followed.
 */
@ApplicationScoped
public class PreviewLinkService {
    /** The prefix says what a leaked secret is, as {@code mh_} does for API tokens. */
    static final String PREFIX = "pv_";
    private static final Pattern TOKEN = Pattern.compile("pv_[A-Za-z0-9_-]{43}");

    private final PreviewLinkRepository links;
    private final ArticlePreviews articles;
    private final Caller caller;
    private final Now clock;

    PreviewLinkService(PreviewLinkRepository links, ArticlePreviews articles, Caller caller, Now clock) {
        this.links = links;
        this.articles = articles;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public PreviewLinkCreated create(UUID articleId, PreviewLinkWrite write) {
        articles.requireLinkable(articleId, true);
        Instant now = clock.instant();
        links.deleteExpired(articleId, now);
        String secret = Secrets.newSecret(PREFIX);
        PreviewLink l = new PreviewLink();
        l.id = UUID.randomUUID();
        l.articleId = articleId;
        l.tokenHash = Secrets.hash(secret);
        l.expiresAt = now.plusSeconds(write == null || write.expiresIn() == null ? PreviewLinkWrite.DEFAULT_SECONDS
                : write.expiresIn());
        l.createdAt = now;
        l.createdBy = caller.name();
        links.persist(l);
        return new PreviewLinkCreated(l.id, secret, l.expiresAt);
    }

    @Transactional
    public Page<PreviewLinkResponse> list(UUID articleId, String limit, String cursor) {
        articles.requireLinkable(articleId, false);
        KeysetPage page = KeysetPage.parse(limit, cursor);
        return Page.of(links.livePage(articleId, clock.instant(), page.afterAt(), page.afterId(), page.limit()),
                page.limit(), PreviewLinkService::view, l -> KeysetPage.cursor(l.createdAt, l.id));
    }

    @Transactional
    public PreviewLinkResponse get(UUID articleId, UUID linkId) {
        articles.requireLinkable(articleId, false);
        return view(live(articleId, linkId));
    }

    /** Deleted, not marked: the very next request with its secret finds nothing. */
    @Transactional
    public void revoke(UUID articleId, UUID linkId) {
        articles.requireLinkable(articleId, false);
        links.delete(live(articleId, linkId));
    }

    /** The article a preview link secret opens now, if it names a live link. */
    @Transactional
    public Optional<UUID> articleOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return links.findLive(Secrets.hash(token), clock.instant()).map(l -> l.articleId);
    }

    private PreviewLink live(UUID articleId, UUID linkId) {
        return links.findByIdOptional(linkId)
                .filter(l -> l.articleId.equals(articleId) && l.expiresAt.isAfter(clock.instant()))
                .orElseThrow(() -> new NotFoundException("This article has no live preview link with this id."));
    }

    private static PreviewLinkResponse view(PreviewLink l) {
        return new PreviewLinkResponse(l.id, l.expiresAt, l.createdBy);
    }
}
