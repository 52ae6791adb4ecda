package news.masthead.cdn;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code masthead.purge.*}: see the configuration table in the README. */
@ConfigMapping(prefix = "masthead.purge")
public interface PurgeConfig {

    /**
     * Where purges go ({@code MASTHEAD_PURGE_URL}; several Varnish servers comma-separated). Unset:
     * no CDN is purged, nothing is queued, and answers carry no {@code Surrogate-Control}.
     */
    Optional<List<URI>> url();

    /** Which kind of CDN {@link #url()} is. */
    @WithDefault("varnish")
    Provider provider();

    /**
     * How often each instance looks for due purges besides the wake-up after its own commits
     * ({@code off}: this instance never purges; others still do). Read by {@link PurgeWorker}.
     */
    @WithDefault("1s")
    String every();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("1s")
    Duration backoffBase();

    /** The longest wait between two attempts. Purges are never given up. */
    @WithDefault("1m")
    Duration backoffMax();

    /** How long a claim holds a row; an instance that died releases it when this passes. */
    @WithDefault("30s")
    Duration lease();

    /** Rows one claim takes; their keys are merged and sent in as few requests as the limits allow. */
    @WithDefault("100")
    int batchSize();

    /** The longest key list one purge request carries, in bytes (Varnish accepts 8 KB headers by default). */
    @WithDefault("4000")
    int maxHeaderBytes();

    /**
     * When the same keys are purged a second time after the first purge succeeded ({@code 0}: never).
     * A read that was already on its way to Masthead when the change committed (or that reached an
     * instance whose cache had not yet heard of it) can put the old answer back into the CDN just after
     * the first purge; the second one removes it. This bounds how long such a race can leave it there.
     */
    @WithDefault("2s")
    Duration repeatAfter();

    default boolean enabled() {
        return url().isPresent() && !url().get().isEmpty();
    }

    default boolean drainsHere() {
        return enabled() && !"off".equalsIgnoreCase(every().trim());
    }

    /** The CDNs a {@link Purger} exists for. Fastly and Cloudflare are described in the README, not built. */
    enum Provider {
        VARNISH
    }
}
