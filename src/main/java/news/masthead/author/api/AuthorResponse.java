package news.masthead.author.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public face of an author: no email, no audit fields. */
@Schema(name = "Author", description = "An author as the Content API shows it.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuthorResponse(
        @Schema(example = "jane-doe") String slug,
        @Schema(example = "Jane Doe") String name,
        @Schema(example = "Diplomatic correspondent") String jobTitle,
        String bio,
        @Schema(example = "https://cdn.example.com/people/jane-doe.jpg") String avatarUrl) {
}
