package news.masthead.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.masthead.article.api.RenderQueueState;

/** The repair path of the public documents: render every published article's again, through the queue. */
@ApplicationScoped
public class DocumentService {
    private final RenderQueue queue;

    DocumentService(RenderQueue queue) {
        this.queue = queue;
    }

    /** Queues every published article; the queue renders them in the background. */
    @Transactional
    public RenderQueueState renderAll() {
        long queued = queue.enqueueAll();
        return new RenderQueueState(queued, queue.waiting());
    }

    @Transactional
    public RenderQueueState state() {
        return new RenderQueueState(0, queue.waiting());
    }
}
