package news.masthead.common.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import news.masthead.common.error.InvalidException;

/**
 * A JSON Merge Patch (RFC 7386) over a resource's write representation, a {@code *Write} record.
 * What a patch may name is that record's components (by their JSON names), plus any write-only
 * members an operation reads itself (an article's {@code updateNote}); there is no list to keep
 * beside the record. Members are checked when the patch is made, before anything is read, and the
 * merged result is read by {@link StrictJson#merge} exactly as a create body is.
 */
public final class MergePatch<W extends Record> {
    private static final ClassValue<Set<String>> MEMBERS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new LinkedHashSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
                names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName());
            }
            return Set.copyOf(names);
        }
    };

    private final ObjectNode members;
    private final Class<W> write;
    private final Set<String> writeOnly;

    private MergePatch(ObjectNode members, Class<W> write, Set<String> writeOnly) {
        this.members = members;
        this.write = write;
        this.writeOnly = writeOnly;
    }

    /**
     * Checks a PATCH body: a JSON object whose members are components of {@code write} or one of
     * {@code writeOnly}. Any other member, even one set to null (which would otherwise vanish in the
     * merge), is a 400 naming it.
     */
    public static <W extends Record> MergePatch<W> of(JsonNode body, Class<W> write, String... writeOnly) {
        if (body == null || !body.isObject()) {
            throw new InvalidException("body", "must be a JSON object");
        }
        Set<String> extra = Set.of(writeOnly);
        Set<String> patchable = MEMBERS.get(write);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!patchable.contains(name) && !extra.contains(name)) {
                throw new InvalidException(name, "is not a property you may set here");
            }
        }
        return new MergePatch<>((ObjectNode) body, write, extra);
    }

    /** The members a patch over {@code write} may name (without write-only ones). */
    public static Set<String> members(Class<? extends Record> write) {
        return MEMBERS.get(write);
    }

    /** A write-only member as sent (null when absent); it takes no part in the merge. */
    public JsonNode writeOnly(String name) {
        if (!writeOnly.contains(name)) {
            throw new IllegalArgumentException(name + " is not a write-only member of this patch");
        }
        return members.get(name);
    }

    /** Whether the patch names {@code member} at all, with a value or with null. */
    public boolean names(String member) {
        return members.has(member);
    }

    Class<W> write() {
        return write;
    }

    /** The patch applied to {@code current} (the write representation as a tree), write-only members left out. */
    JsonNode over(JsonNode current) {
        ObjectNode merged = members.deepCopy();
        writeOnly.forEach(merged::remove);
        return apply(current, merged);
    }

    /** RFC 7386: members set to null are removed, objects merge member by member, anything else replaces. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
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
