package news.masthead.copyright;

import java.util.UUID;

/**
 * What the copyright feature needs to know about the articles carrying a notice, asked of the
 * feature that owns articles; notices never depend on articles (which carry notices).
 */
public interface NoticeReferences {
    /** How many articles, in any status, carry this copyright notice. */
    long articlesCarrying(UUID noticeId);
}
