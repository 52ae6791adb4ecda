package news.masthead.common.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code masthead.read-replica.*}: where public reads may go, and when they must not. */
@ConfigMapping(prefix = "masthead.read-replica")
public interface ReplicaConfig {

    /** The replica's JDBC URL ({@code MASTHEAD_READ_REPLICA_JDBC_URL}); unset: every read on the primary. */
    Optional<String> jdbcUrl();

    Optional<String> username();

    Optional<String> password();

    /** Past this lag public reads go to the primary, and readiness says the replica is behind. */
    @WithDefault("5s")
    Duration maxLag();

    /** How often the replica's replay position (and the primary's write position) are read. */
    @WithDefault("100ms")
    Duration poll();

    /**
     * Wait for the replica to replay every change this instance has heard of before reading from it.
     * Always on in production; a test turns it off to show the stale refill it prevents.
     */
    @WithDefault("true")
    boolean followChanges();
}
