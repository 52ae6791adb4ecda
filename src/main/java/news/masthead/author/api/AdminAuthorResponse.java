package news.masthead.author.api;

import jakarta.annotation.Nullable;
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
        @Schema(maxLength = AuthorWrite.JOB_TITLE_MAX) @Nullable String jobTitle,
        @Schema(maxLength = AuthorWrite.BIO_MAX) @Nullable String bio,
        @Schema(maxLength = AuthorWrite.AVATAR_URL_MAX) @Nullable String avatarUrl,
        @Schema(description = "Never part of the Content API.", maxLength = AuthorWrite.EMAIL_MAX) @Nullable String email,
        Instant createdAt,
        Instant modifiedAt) {
}
