package news.masthead.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article", description = "A published article as readers see it.")
public record ArticleResponse(
        UUID id,
        String slug,
        String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS) String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) SectionRef section,
        List<AuthorRef> authors,
        List<String> tags,
        List<Block> body,
        CopyrightView copyright,
        Instant publishedAt,
        Instant updatedAt,
        List<PublicUpdate> updates) {
}
