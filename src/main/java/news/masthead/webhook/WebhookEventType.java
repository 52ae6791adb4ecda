package news.masthead.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a subscription may ask for, by their wire names. */
public enum WebhookEventType {
    ARTICLE_PUBLISHED("article.published"),
    ARTICLE_UPDATED("article.updated"),
    ARTICLE_UNPUBLISHED("article.unpublished"),
    ARTICLE_TRASHED("article.trashed"),
    ARTICLE_KILLED("article.killed");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<WebhookEventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wire).toList();
    }
}
