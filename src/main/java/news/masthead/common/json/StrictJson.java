package news.masthead.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import news.masthead.common.error.InvalidException;

/**
 * Reads a JSON tree into a request record the way the HTTP layer reads a body: unknown members
 * refused, wrong types named, Bean Validation applied. Used where a body is assembled in a
 * service, as with merge patches and revision restores.
 */
@ApplicationScoped
public class StrictJson {
    private final ObjectMapper json;
    private final Validator validator;

    public StrictJson(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(JsonNode tree, Class<T> type) {
        T value;
        try {
            value = json.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidException(path(e), "is not a property you may set here");
        } catch (InvalidTypeIdException e) {
            throw new InvalidException(path(e) + ".type", "'" + e.getTypeId() + "' is not a known block type");
        } catch (JsonMappingException e) {
            throw new InvalidException(path(e).isEmpty() ? "body" : path(e), "has the wrong type or shape");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidException("body", "is not valid JSON for this operation");
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    public JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /**
     * The write after {@code patch}: merged over {@code current} and read and validated exactly as
     * a create body is, so a patch can never leave what a create would refuse.
     */
    public <W extends Record> W merge(W current, MergePatch<W> patch) {
        return read(patch.over(tree(current)), patch.write());
    }

    private static String path(JsonMappingException e) {
        return JsonPaths.of(e);
    }
}
