package news.masthead.section;

import java.util.UUID;

/**
 * Fired synchronously, inside the writing transaction, when a section moved under another parent:
 * what lies below it now belongs to other subtrees, so whoever judges rights by subtree (the
 * partners' ledger) re-judges the articles filed in it in the same commit. Desk tokens need no
 * event: their subtree is read again on every request.
 */
public record SectionTreeChanged(UUID sectionId) {
}
