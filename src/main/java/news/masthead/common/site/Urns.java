package news.masthead.common.site;

import java.util.UUID;

/**
 * Permanent names of our content. An article's URN is its ninjs {@code uri} and the id of its
 * entries in every feed, public or partner, so a reader can match them across formats.
 */
public final class Urns {
    private Urns() {
    }

    public static String article(UUID id) {
        return "urn:masthead:article:" + id;
    }
}
