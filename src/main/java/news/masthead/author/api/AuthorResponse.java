package news.masthead.author.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public face of an author: no email, no audit fields. */
@Schema(name = "Author", description = "An author as the Content API shows it.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuthorResponse(
        @Schema(example = "jane-doe", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(example = "Jane Doe", maxLength = AuthorWrite.NAME_MAX) String name,
        @Schema(example = "Diplomatic correspondent", maxLength = AuthorWrite.JOB_TITLE_MAX) @Nullable String jobTitle,
        @Schema(maxLength = AuthorWrite.BIO_MAX) @Nullable String bio,
        @Schema(example = "https://cdn.example.com/people/jane-doe.jpg", maxLength = AuthorWrite.AVATAR_URL_MAX) @Nullable String avatarUrl) {
}
