package news.masthead.common.error;

import java.util.List;

/** Input that is well-formed but not acceptable; names each field at fault. */
public class InvalidException extends DomainException {
    private final List<FieldError> errors;

    public InvalidException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            return "'" + e.field() + "' " + e.message() + ".";
        }
        return errors.size() + " fields are invalid; see errors.";
    }
}
