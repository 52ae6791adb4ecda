package news.masthead.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A deployment with short fuses: three failed authentications in a minute lock an address out, and
 * a writer waits at most 300 ms for a row another transaction holds. The tests of both share this
 * profile, so Quarkus starts once for them.
 */
public class ShortFuses implements QuarkusTestProfile {
    public static final int AUTH_FAILURES = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("masthead.rate-limit.auth-failures-per-minute", Integer.toString(AUTH_FAILURES),
                "masthead.rate-limit.trusted-proxies", "127.0.0.1",
                "masthead.db.lock-timeout", "300ms");
    }
}
