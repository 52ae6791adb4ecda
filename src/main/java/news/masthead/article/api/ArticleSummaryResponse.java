package news.masthead.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleSummary", description = "An article in lists: the Article without body and updates.")
public record ArticleSummaryResponse(
        UUID id,
        String slug,
        String headline,
        @JsonInclude(JsonInclude.Include.ALWAYS) String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) SectionRef section,
        List<AuthorRef> authors,
        List<String> tags,
        CopyrightView copyright,
        Instant publishedAt,
        Instant updatedAt,
        @Schema(description = "Search hits only (with q): an excerpt of the body text, HTML-escaped, with the "
                + "matching words in <mark> tags. Absent without q, or when the body has no text.",
                example = "Talks in <mark>Budapest</mark> would follow a lengthy phone call …")
        String snippet) {
}
