package news.masthead.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field at fault in a validation problem; both parts may quote the caller, so both are bounded. */
public record FieldError(
        @Schema(example = "body[2].text", maxLength = FieldError.MAX_LENGTH) String field,
        @Schema(example = "must not be blank", maxLength = FieldError.MAX_LENGTH) String message) {
    public static final int MAX_LENGTH = 500;

    public FieldError {
        field = abbreviate(field, MAX_LENGTH);
        message = abbreviate(message, MAX_LENGTH);
    }

    /** At most max characters, the cut marked with an ellipsis; never splits a surrogate pair. */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "\u2026";
    }
}
