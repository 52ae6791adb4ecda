package news.masthead.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of a feed, in the terms every feed format shares. The writers ({@link AtomWriter},
 * {@link RssWriter}, {@link JsonFeedWriter}) turn it into their format; none of them adds or drops
 * facts, so a public feed and a partner feed differ only in what the caller puts here.
 *
 * @param id         a permanent IRI naming the article, e.g. {@code urn:masthead:article:<uuid>}
 * @param title      the headline, plain text
 * @param link       the article's public web address
 * @param updated    the last public update (required by Atom)
 * @param published  when it was first published (may be null)
 * @param summary    plain text, or null
 * @param rights     the copyright notice, or null
 * @param authors    author names, in byline order
 * @param categories the section and tags
 * @param content    the full text, or null: public feeds never carry it
 * @param image      the article's lead image, or null
 */
public record FeedEntry(String id, String title, String link, Instant updated, Instant published, String summary,
                        String rights, List<String> authors, List<Category> categories, Content content, Image image) {

    /** An entry without an image. */
    public FeedEntry(String id, String title, String link, Instant updated, Instant published, String summary,
                     String rights, List<String> authors, List<Category> categories, Content content) {
        this(id, title, link, updated, published, summary, rights, authors, categories, content, null);
    }

    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(updated, "updated");
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /**
     * A category: {@code term} is the machine value (a slug or tag), {@code scheme} an IRI naming
     * the vocabulary it comes from (null: none), {@code label} a human name (null: the term).
     */
    public record Category(String term, String scheme, String label) {
        public Category {
            Objects.requireNonNull(term, "term");
        }
    }

    /** The lead image: an absolute http(s) URL, its alternative text, and what else is known (null: unknown). */
    public record Image(String url, String alt, String caption, String credit, Integer width, Integer height) {
        public Image {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Full text of an entry. {@code HTML} is markup carried as escaped text (always safe to write);
     * {@code XHTML} is a well-formed XML fragment that Atom embeds as elements in a
     * {@code <div xmlns="http://www.w3.org/1999/xhtml">}. A fragment that is not well-formed is
     * written as HTML instead, so a bad fragment can never make the document invalid.
     */
    public record Content(Type type, String value) {
        public enum Type { HTML, XHTML }

        public Content {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        public static Content html(String markup) {
            return new Content(Type.HTML, markup);
        }

        public static Content xhtml(String fragment) {
            return new Content(Type.XHTML, fragment);
        }
    }
}
