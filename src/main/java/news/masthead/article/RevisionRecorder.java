package news.masthead.article;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Appends the revision of every accepted write of the article itself (not of its liveblog entries):
 * who, when, which fields, and the article as it then was.
 */
@ApplicationScoped
class RevisionRecorder {
    private final ArticleRevisionRepository revisions;
    private final ArticleSnapshots snapshots;

    RevisionRecorder(ArticleRevisionRepository revisions, ArticleSnapshots snapshots) {
        this.revisions = revisions;
        this.snapshots = snapshots;
    }

    void record(@Observes @Priority(ArticleEvent.Order.RECORD) ArticleEvent event) {
        if (!event.isRevision()) {
            return;
        }
        ArticleRevision r = new ArticleRevision();
        r.key = new ArticleRevision.Key(event.articleId(), event.revision());
        r.at = event.at();
        r.by = event.by();
        r.changed = event.changed().toArray(String[]::new);
        r.snapshot = snapshots.write(event.article());
        revisions.persist(r);
    }
}
