package news.masthead.common.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes response schemas exact, so that generated clients type every field as it is: a property a
 * response always carries is {@code required}, and one that may be null says so. Derived from the
 * Java records the schemas come from, with the same rules Jackson follows when it writes them:
 *
 * <ul>
 *   <li>a component is null only if it is declared {@link Nullable} or {@code @Schema(nullable = true)}
 *       (primitives never are), or named by {@link NullableMembers} where its record is unwrapped;</li>
 *   <li>with the default inclusion ({@code non_absent}) a null component is left out, so a
 *       nullable one is optional and never {@code null} on the wire;</li>
 *   <li>with {@code @JsonInclude(ALWAYS)} (on the component or the record) it is always present:
 *       required, and typed as nullable when it is {@link Nullable};</li>
 *   <li>with {@code NON_EMPTY}, an empty list or text is left out too, so those are optional;</li>
 *   <li>{@code @JsonUnwrapped} components bring their own record's properties, by the same rules.</li>
 * </ul>
 *
 * Only schemas that responses reach and no request body does are changed: a shape shared with a
 * request (a body block, the lead image) keeps the requirements its validation states, since a
 * writer may leave out what a reader is always given.
 */
final class ExactTypes {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String ROOT_PACKAGE = "news/masthead/";

    private ExactTypes() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> requests = new HashSet<>();
        Set<String> responses = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                reach(op.getRequestBody().getContent(), schemas, requests);
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> reach(r.getContent(), schemas, responses));
            }
        }));
        Map<String, Class<?>> records = records();
        for (String name : responses) {
            Class<?> type = records.get(name);
            if (!requests.contains(name) && type != null) {
                exact(schemas.get(name), type);
            }
        }
    }

    private static void exact(Schema schema, Class<?> type) {
        if (schema.getProperties() == null) {
            return;
        }
        Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (Component c : components(type, inclusion(type, JsonInclude.Include.NON_ABSENT), Set.of())) {
            Schema property = schema.getProperties().get(c.name());
            if (property == null) {
                continue;
            }
            if (c.alwaysPresent()) {
                required.add(c.name());
            }
            if (c.nullable() && c.inclusion() == JsonInclude.Include.ALWAYS) {
                schema.addProperty(c.name(), nullable(property));
            }
        }
        // In declaration order, as the properties are.
        List<String> ordered = new ArrayList<>();
        schema.getProperties().keySet().stream().filter(required::contains).forEach(ordered::add);
        required.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        schema.setRequired(ordered.isEmpty() ? null : ordered);
    }

    /** A record component as it is written: its JSON name, whether it may be null, and the inclusion that applies. */
    private record Component(String name, boolean nullable, JsonInclude.Include inclusion, boolean emptiable) {
        boolean alwaysPresent() {
            return switch (inclusion) {
                case ALWAYS -> true;
                case NON_EMPTY -> !nullable && !emptiable;
                default -> !nullable;
            };
        }
    }

    private static List<Component> components(Class<?> type, JsonInclude.Include outer, Set<String> nullableHere) {
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (annotation(rc, JsonUnwrapped.class) != null && rc.getType().isRecord()) {
                NullableMembers members = annotation(rc, NullableMembers.class);
                out.addAll(components(rc.getType(), inclusion(rc.getType(), outer),
                        members == null ? Set.of() : Set.of(members.value())));
                continue;
            }
            JsonProperty renamed = annotation(rc, JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
            JsonInclude own = annotation(rc, JsonInclude.class);
            JsonInclude.Include inclusion = own != null && own.value() != JsonInclude.Include.USE_DEFAULTS ? own.value() : outer;
            org.eclipse.microprofile.openapi.annotations.media.Schema schema =
                    annotation(rc, org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            boolean nullable = !rc.getType().isPrimitive() && (annotation(rc, Nullable.class) != null
                    || schema != null && schema.nullable()
                    || nullableHere.contains(name));
            boolean emptiable = Collection.class.isAssignableFrom(rc.getType()) || Map.class.isAssignableFrom(rc.getType())
                    || CharSequence.class.isAssignableFrom(rc.getType()) || rc.getType().isArray();
            out.add(new Component(name, nullable, inclusion, emptiable));
        }
        return out;
    }

    /**
     * An annotation written on a record component: Java keeps it on the component only when its
     * target allows that, otherwise on the field, accessor or constructor parameter it propagates to.
     */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent rc, Class<A> type) {
        A found = rc.getAnnotation(type);
        if (found == null) {
            found = rc.getAccessor().getAnnotation(type);
        }
        if (found == null) {
            try {
                found = rc.getDeclaringRecord().getDeclaredField(rc.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static JsonInclude.Include inclusion(Class<?> type, JsonInclude.Include fallback) {
        JsonInclude include = type.getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.USE_DEFAULTS ? include.value() : fallback;
    }

    /** The property as "this, or null": a reference becomes anyOf [ref, null], a typed schema gains the null type. */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            return OASFactory.createSchema().description(property.getDescription())
                    .anyOf(new ArrayList<>(List.of(ref, OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        }
        if (property.getAnyOf() != null) {
            boolean hasNull = property.getAnyOf().stream()
                    .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL));
            if (!hasNull) {
                property.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            }
            // A type beside the anyOf (SmallRye writes "object" there) must admit null too.
            if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
            return property;
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    /** Every schema {@code content} reaches, through references, properties, items and compositions. */
    private static void reach(Content content, Map<String, Schema> schemas, Set<String> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(m -> reach(m.getSchema(), schemas, seen));
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (seen.add(name)) {
                reach(schemas.get(name), schemas, seen);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, seen));
        }
        reach(schema.getItems(), schemas, seen);
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), schemas, seen);
        }
        for (List<Schema> group : List.of(nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()), nonNull(schema.getAllOf()))) {
            group.forEach(s -> reach(s, schemas, seen));
        }
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    /**
     * The application's records by schema name (their {@code @Schema(name)}, else their simple
     * name), found where this class was loaded from: the build's classes directory, or the jar.
     */
    static Map<String, Class<?>> records() {
        Map<String, Class<?>> out = new HashMap<>();
        for (String className : classNames()) {
            try {
                Class<?> c = Class.forName(className, false, ExactTypes.class.getClassLoader());
                if (c.isRecord()) {
                    org.eclipse.microprofile.openapi.annotations.media.Schema s =
                            c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
                    out.put(s != null && !s.name().isEmpty() ? s.name() : c.getSimpleName(), c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // Not a class this build can load (a test double, a missing optional dependency): no schema of ours.
            }
        }
        return out;
    }

    private static List<String> classNames() {
        try {
            Path where = location();
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where.resolve(ROOT_PACKAGE))) {
                    return files.map(p -> where.relativize(p).toString().replace('\\', '/')).filter(ExactTypes::isClass)
                            .map(ExactTypes::className).toList();
                }
            }
            try (JarFile jar = new JarFile(where.toFile())) {
                return jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(ROOT_PACKAGE) && isClass(n))
                        .map(ExactTypes::className).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The directory or jar holding the application's classes: this class's code source, or (where
     * a class loader gives none, as Quarkus's runner may) the container of this class file itself.
     */
    private static Path location() throws URISyntaxException {
        java.security.CodeSource source = ExactTypes.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            return Path.of(source.getLocation().toURI());
        }
        String self = ExactTypes.class.getName().replace('.', '/') + ".class";
        java.net.URL url = ExactTypes.class.getClassLoader().getResource(self);
        if (url == null) {
            throw new IllegalStateException("Cannot find where " + self + " was loaded from");
        }
        String text = url.toString();
        if (text.startsWith("jar:file:")) {
            return Path.of(java.net.URI.create(text.substring("jar:".length(), text.indexOf("!/"))));
        }
        Path file = Path.of(url.toURI());
        for (int i = 0; i < self.split("/").length; i++) {
            file = file.getParent();
        }
        return file;
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
