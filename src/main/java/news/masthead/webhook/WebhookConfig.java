package news.masthead.webhook;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code masthead.webhooks.*}: see the configuration table in the README. */
@ConfigMapping(prefix = "masthead.webhooks")
public interface WebhookConfig {

    /** Lets subscriptions reach loopback, private, link-local and similar addresses (development, tests). */
    boolean allowPrivate();

    /**
     * How often each instance looks for due deliveries ({@code off} stops it there). Read by the
     * {@code @Scheduled} expression of {@link DeliveryWorker}; declared here so the mapping is complete.
     */
    String deliverEvery();

    /** Attempts per event before it is given up, the first included. */
    int maxAttempts();

    /** The wait after the first failure; it doubles after each further one. */
    Duration backoffBase();

    /** The longest wait between two attempts. */
    Duration backoffMax();

    /** How long a claim holds a row; a claimer that died releases it when this passes. */
    Duration lease();

    /** Rows one worker claims at a time; they are sent in parallel. */
    int batchSize();

    /** Finished deliveries (and their log) are deleted after this. */
    Duration retention();
}
