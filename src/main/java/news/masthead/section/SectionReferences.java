package news.masthead.section;

import java.util.UUID;

/**
 * What the section feature needs to know about the articles filed in a section, asked of the
 * feature that owns articles; sections never depend on articles (which are filed in sections).
 */
public interface SectionReferences {
    /** How many articles, in any status, are filed in this section (not counting its subsections). */
    long articlesFiledIn(UUID sectionId);
}
