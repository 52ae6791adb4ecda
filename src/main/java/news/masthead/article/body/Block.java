package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One block of an article body. The set is closed: a new block type is a new record here, and
 * every method below must then be written for it, so no renderer can forget one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = ListBlock.class, name = "list"),
    @JsonSubTypes.Type(value = Image.class, name = "image"),
    @JsonSubTypes.Type(value = Embed.class, name = "embed"),
    @JsonSubTypes.Type(value = Html.class, name = "html"),
    @JsonSubTypes.Type(value = Promo.class, name = "promo")
})
@Schema(name = "Block", description = "A body block; `type` says which.",
        oneOf = {Paragraph.class, Heading.class, Quote.class, ListBlock.class, Image.class, Embed.class, Html.class, Promo.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "paragraph", schema = Paragraph.class),
            @DiscriminatorMapping(value = "heading", schema = Heading.class),
            @DiscriminatorMapping(value = "quote", schema = Quote.class),
            @DiscriminatorMapping(value = "list", schema = ListBlock.class),
            @DiscriminatorMapping(value = "image", schema = Image.class),
            @DiscriminatorMapping(value = "embed", schema = Embed.class),
            @DiscriminatorMapping(value = "html", schema = Html.class),
            @DiscriminatorMapping(value = "promo", schema = Promo.class)
        })
public sealed interface Block permits Paragraph, Heading, Quote, ListBlock, Image, Embed, Html, Promo {

    /** The same block with its markup passed through the allowlists. */
    Block sanitized(Sanitizer sanitizer);

    /** Words a reader sees, for search and summaries; markup removed. */
    String plainText();
}
