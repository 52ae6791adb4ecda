package news.masthead.common.http;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code masthead.rate-limit.*}: see the configuration table in the README. */
@ConfigMapping(prefix = "masthead.rate-limit")
public interface RateLimitConfig {

    /** Requests per minute per client address without a token; 0 turns the limit off. */
    int anonymousPerMinute();

    /** Requests per minute per token; 0 turns the limit off. */
    int tokenPerMinute();

    /** Failed authentications per minute per address after which its requests carrying a token get 429; 0 turns it off. */
    int authFailuresPerMinute();

    /** Clients (addresses, tokens) whose current minute is remembered; beyond this the least used are forgotten. */
    long maxClients();

    /** Addresses of our own reverse proxies: only their X-Forwarded-For is believed. */
    Optional<List<String>> trustedProxies();
}
