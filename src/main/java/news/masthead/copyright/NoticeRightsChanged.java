package news.masthead.copyright;

import java.util.UUID;

/**
 * Fired synchronously, inside the writing transaction, when a notice's syndication or its listed
 * partners changed: whoever keeps the partners' view of rights (the syndication ledger) re-judges
 * every article under it in the same commit. An event rather than a call, so notices need nothing
 * of syndication, as articles announce their changes with {@code ArticleEvent}.
 */
public record NoticeRightsChanged(UUID noticeId) {
}
