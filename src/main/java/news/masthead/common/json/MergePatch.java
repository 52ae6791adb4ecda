package news.masthead.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import news.masthead.common.error.InvalidException;

/** JSON Merge Patch (RFC 7386) over a resource's write representation. */
public final class MergePatch {
    private MergePatch() {
    }

    /** Refuses any member outside {@code writable} before anything is applied, naming it. */
    public static void requireOnly(JsonNode patch, Set<String> writable) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidException("body", "must be a JSON object");
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!writable.contains(name)) {
                throw new InvalidException(name, "is not a property you may set here");
            }
        }
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
