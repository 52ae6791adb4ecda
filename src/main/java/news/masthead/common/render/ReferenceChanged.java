package news.masthead.common.render;

import java.util.UUID;

/**
 * An author, section or copyright notice changed what articles show of it (a name, a slug, a
 * notice's terms). Fired synchronously inside the writer's transaction, after its row is written;
 * the article feature renders again the public documents of the articles that show it. It lives
 * here, not in any of the four features, so that none of them depends on another to say so.
 */
public record ReferenceChanged(Kind kind, UUID id) {
    public enum Kind {
        AUTHOR, SECTION, NOTICE
    }
}
