package news.masthead.author.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminAuthor", description = "An author with the fields only the Admin API shows.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminAuthorResponse(
        UUID id,
        @Schema(example = "jane-doe", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.REGEX) String slug,
        @Schema(example = "Jane Doe", maxLength = AuthorWrite.NAME_MAX) String name,
        @Schema(maxLength = AuthorWrite.JOB_TITLE_MAX) String jobTitle,
        @Schema(maxLength = AuthorWrite.BIO_MAX) String bio,
        @Schema(maxLength = AuthorWrite.AVATAR_URL_MAX) String avatarUrl,
        @Schema(description = "Never part of the Content API.", maxLength = AuthorWrite.EMAIL_MAX) String email,
        Instant createdAt,
        Instant modifiedAt) {
}
