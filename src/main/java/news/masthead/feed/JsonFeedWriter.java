package news.masthead.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * JSON Feed 1.1 documents. Rights have no field of their own in JSON Feed, so they travel in the
 * extension object {@code _masthead} ({@code {"rights": …}}), which the spec lets publishers add
 * and tells readers to ignore when they do not know it. An item needs {@code content_text} or
 * {@code content_html}: without full text, {@code content_text} is the summary (or the headline).
 */
public final class JsonFeedWriter {
    public static final String MEDIA_TYPE = "application/feed+json";
    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedWriter() {
    }

    /**
     * @param about where the {@code _masthead} extension is described (JSON Feed asks extensions
     *              to name one); null leaves it out
     */
    public static byte[] write(FeedHead head, List<FeedEntry> entries, String about) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", head.title());
        feed.put("home_page_url", head.homeLink());
        feed.put("feed_url", head.selfLink());
        putIfPresent(feed, "description", head.description());
        putIfPresent(feed, "language", head.language());
        feed.putArray("authors").addObject().put("name", head.author());
        if (head.rights() != null || about != null) {
            ObjectNode ext = feed.putObject("_masthead");
            putIfPresent(ext, "about", about);
            putIfPresent(ext, "rights", head.rights());
        }
        ArrayNode items = feed.putArray("items");
        for (FeedEntry e : entries) {
            items.add(item(e));
        }
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("A feed could not be written", ex);
        }
    }

    private static ObjectNode item(FeedEntry e) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", e.id());
        item.put("url", e.link());
        item.put("title", e.title());
        putIfPresent(item, "summary", e.summary());
        if (e.content() != null) {
            item.put("content_html", e.content().value());
        } else {
            item.put("content_text", e.summary() != null ? e.summary() : e.title());
        }
        if (e.image() != null) {
            item.put("image", e.image().url());
        }
        if (e.published() != null) {
            item.put("date_published", AtomWriter.time(e.published()));
        }
        item.put("date_modified", AtomWriter.time(e.updated()));
        if (!e.authors().isEmpty()) {
            ArrayNode authors = item.putArray("authors");
            e.authors().forEach(name -> authors.addObject().put("name", name));
        }
        if (!e.categories().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            e.categories().stream().map(FeedEntry.Category::term).distinct().forEach(tags::add);
        }
        if (e.rights() != null) {
            item.putObject("_masthead").put("rights", e.rights());
        }
        return item;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
