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
        @NotBlank @Size(max = 200) @Schema(example = "Jane Doe") String name,
        @Size(max = 200) @Schema(example = "Diplomatic correspondent") String jobTitle,
        @Size(max = 5000) String bio,
        @Size(max = 2000)
        @Pattern(regexp = AuthorWrite.HTTP_URL, message = "must be an absolute http or https URL")
        @Schema(example = "https://cdn.example.com/people/jane-doe.jpg")
        String avatarUrl,
        @Email @Size(max = 254)
        @Schema(description = "Admin API only; never shown publicly.", example = "jane.doe@example.com")
        String email) {

    /** An absolute http(s) URL with a host and no whitespace. */
    static final String HTTP_URL = "^[hH][tT][tT][pP][sS]?://[^\\s/?#@]+([/?#]\\S*)?$";
}
