package news.masthead.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable URI naming the kind of problem.", example = "urn:masthead:problem:not-found") String type,
        @Schema(example = "Not Found") String title,
        @Schema(example = "404") int status,
        @Schema(example = "No article has that slug.") String detail,
        @Schema(description = "Present on validation problems: one entry per field at fault.") List<FieldError> errors,
        @Schema(description = "On 412: the article's current revision.") Integer currentRevision) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }
}
