package news.masthead.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the database's precision, so what we answer equals what we stored. */
@ApplicationScoped
public class Now {
    public Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
