package news.masthead.common.error;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable URI naming the kind of problem.", example = "urn:masthead:problem:not-found", maxLength = 100)
        String type,
        @Schema(example = "Not Found", maxLength = 100) String title,
        @Schema(example = "404", minimum = "100", maximum = "599") int status,
        @Schema(example = "No article has that slug.", maxLength = Problem.DETAIL_MAX) @Nullable String detail,
        @Schema(description = "Present on validation problems: one entry per field at fault, at most 100.", maxItems = Problem.ERRORS_MAX)
        @Nullable List<FieldError> errors,
        @Schema(description = "On 412: the article's current revision.", minimum = "1", maximum = "2147483647") @Nullable Integer currentRevision) {
    // A problem may quote what the caller sent (an unknown property's name, a bad value); bounding
    // it keeps a large request from being echoed back whole.
    public static final int DETAIL_MAX = 2000;
    public static final int ERRORS_MAX = 100;

    public Problem {
        detail = FieldError.abbreviate(detail, DETAIL_MAX);
        if (errors != null && errors.size() > ERRORS_MAX) {
            errors = List.copyOf(errors.subList(0, ERRORS_MAX));
        }
    }


    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }
}
