package news.masthead.article;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code masthead.trash.*}: see the configuration table in the README. */
@ConfigMapping(prefix = "masthead.trash")
public interface TrashConfig {

    /** How long a trashed article is kept before the purge deletes it. */
    Duration retention();

    /**
     * How often the purge runs. Read by the {@code @Scheduled} expression of {@link TrashPurge};
     * declared here so the mapping is complete.
     */
    String purgeEvery();
}
