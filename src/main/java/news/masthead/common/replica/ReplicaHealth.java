package news.masthead.common.replica;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness entry {@code read-replica}: whether the replica is within the lag bound, and so whether
 * public reads go there. It stays UP when the replica is behind or unreachable: this instance still
 * answers every request correctly from the primary, and a lagging replica shared by all instances
 * would otherwise take every instance out of the load balancer at once. The state is in its data.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {
    private final ReadReplica replica;

    ReplicaHealth(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("read-replica").up();
        if (!replica.configured()) {
            return b.withData("configured", false).withData("reads", "primary").build();
        }
        Duration lag = replica.lag();
        String state = lag == null ? "unreachable" : replica.healthy() ? "within-bound" : "behind";
        b.withData("configured", true)
                .withData("state", state)
                .withData("behind", !"within-bound".equals(state))
                .withData("maxLagMillis", replica.maxLag().toMillis())
                .withData("lagBytes", replica.lagBytes())
                .withData("reads", replica.serves() ? "replica" : "primary");
        if (lag != null) {
            b.withData("lagMillis", lag.toMillis());
        }
        return b.build();
    }
}
