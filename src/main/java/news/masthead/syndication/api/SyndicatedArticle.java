package news.masthead.syndication.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.masthead.article.api.ArticleResponse;
import news.masthead.article.api.AuthorRef;
import news.masthead.article.api.CopyrightView;
import news.masthead.article.api.PublicUpdate;
import news.masthead.article.api.SectionRef;
import news.masthead.article.body.Block;
import news.masthead.syndication.ninjs.BodyHtml;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A full article as a partner receives it: no promo or custom html blocks (see BodyHtml), and its embargo. */
@Schema(name = "SyndicatedArticle")
public record SyndicatedArticle(
        UUID id, String slug, String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable SectionRef section,
        List<AuthorRef> authors, List<String> tags, List<Block> body, CopyrightView copyright,
        Instant publishedAt, @Nullable Instant updatedAt, List<PublicUpdate> updates,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Until this instant the story is embargoed: not to be shown to the public.")
        @Nullable Instant embargoedUntil,
        @Schema(description = "Grows with every change of the article: apply an upsert only if it is newer than your copy.",
                minimum = "1", maximum = "2147483647")
        int revision) {

    public static SyndicatedArticle of(ArticleResponse a, int revision, Instant embargoedUntil) {
        List<Block> body = BodyHtml.kept(a.body(), Set.of());
        return new SyndicatedArticle(a.id(), a.slug(), a.headline(), a.summary(), a.section(), a.authors(), a.tags(),
                body, a.copyright(), a.publishedAt(), a.updatedAt(), a.updates(), embargoedUntil, revision);
    }
}
