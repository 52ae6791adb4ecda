package news.masthead.cdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import news.masthead.cdn.api.PurgeQueued;
import news.masthead.cdn.api.PurgeWrite;
import news.masthead.common.error.ConflictException;

/** Purges an operator asks for by hand: after a VCL change, or to be sure a takedown reached the CDN. */
@ApplicationScoped
public class CdnPurgeService {
    private final PurgeOutbox outbox;

    CdnPurgeService(PurgeOutbox outbox) {
        this.outbox = outbox;
    }

    /** Queued like any change's purge (same outbox, same retries), and sent right after this commit. */
    @Transactional
    public PurgeQueued purge(PurgeWrite request) {
        if (!outbox.enabled()) {
            throw new ConflictException("No CDN is configured to purge: set MASTHEAD_PURGE_URL.");
        }
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(request.keys()));
        outbox.enqueue(keys);
        return new PurgeQueued(keys);
    }
}
