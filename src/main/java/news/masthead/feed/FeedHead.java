package news.masthead.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * What a feed says about itself, shared by every format.
 *
 * @param id          a permanent IRI naming the feed (Atom {@code <id>})
 * @param title       plain text
 * @param description plain text (Atom {@code <subtitle>}, RSS and JSON Feed {@code description}); may be null
 * @param homeLink    the web page the feed belongs to (the site, or a section page)
 * @param selfLink    the feed's own URL
 * @param updated     the newest {@link FeedEntry#updated()} of its entries; a fixed instant when it has none,
 *                    so that equal content always renders to equal bytes (and ETags)
 * @param author      the publication's name: the author of entries that name none
 * @param rights      the publication's copyright notice, or null
 * @param language    IETF BCP 47 tag such as {@code en}, or null
 */
public record FeedHead(String id, String title, String description, String homeLink, String selfLink, Instant updated,
                       String author, String rights, String language) {

    public FeedHead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(homeLink, "homeLink");
        Objects.requireNonNull(selfLink, "selfLink");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(author, "author");
    }
}
