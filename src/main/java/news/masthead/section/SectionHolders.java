package news.masthead.section;

import java.util.UUID;

/**
 * A feature that keeps lists of sections besides articles (tokens limited to desks, partners
 * limited to sections) says here how many of its live records name a section, so a section
 * cannot be deleted from under them: a list that lost its last section would read as "all
 * sections". Implemented by those features, so sections depend on neither.
 */
public interface SectionHolders {
    /** How many live records name this section, e.g. "2 token(s)"; null when none does. */
    String naming(UUID sectionId);
}
