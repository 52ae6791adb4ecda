package news.masthead.author.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.masthead.common.json.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on an author; everything else is the server's. */
@Schema(name = "AuthorWrite", description = "Create an author.")
public record AuthorWrite(
        @Pattern(regexp = Slugs.REGEX, message = "must be lowercase words joined by single hyphens")
        @Size(max = Slugs.MAX_LENGTH)
        @Schema(description = "Derived from the name when absent.", example = "jane-doe")
        String slug,
        @NotBlank @Size(max = AuthorWrite.NAME_MAX) @Schema(example = "Jane Doe") String name,
        @Size(max = AuthorWrite.JOB_TITLE_MAX) @Schema(example = "Diplomatic correspondent") String jobTitle,
        @Size(max = AuthorWrite.BIO_MAX) String bio,
        @Size(max = AuthorWrite.AVATAR_URL_MAX)
        @Pattern(regexp = AuthorWrite.HTTP_URL, message = "must be an absolute http or https URL")
        @Schema(example = "https://cdn.example.com/people/jane-doe.jpg")
        String avatarUrl,
        @Email @Size(max = AuthorWrite.EMAIL_MAX)
        @Schema(description = "Admin API only; never shown publicly.", example = "jane.doe@example.com")
        String email) {

    /** An absolute http(s) URL with a host and no whitespace. */
    // Named so the read schemas (Author, AdminAuthor, AuthorRef) state the same bounds.
    public static final int NAME_MAX = 200;
    public static final int JOB_TITLE_MAX = 200;
    public static final int BIO_MAX = 5000;
    public static final int AVATAR_URL_MAX = 2000;
    public static final int EMAIL_MAX = 254;
    static final String HTTP_URL = "^[hH][tT][tT][pP][sS]?://[^\\s/?#@]+([/?#]\\S*)?$";
}
