package news.masthead.common.error;

public record FieldError(String field, String message) {
}
