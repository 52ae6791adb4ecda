package news.masthead.common.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import news.masthead.common.json.Slugs;
import news.masthead.common.paging.PageRequest;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Bounds that follow from a type or from a rule the server applies everywhere, stated once here
 * rather than on every field: a UUID is 36 characters, an instant never longer than 64, a merge
 * patch is validated as the Write it merges into (so it has the Write's limits), and a query or
 * path parameter means the same thing, with the same bounds, wherever it appears.
 */
final class SchemaLimits {
    /** Longer than any instant Jackson writes or reads ("+1000000000-12-31T23:59:59.999999999+05:30"). */
    static final int INSTANT_MAX_LENGTH = 64;
    /** Cursors are base64url of a few key parts (an instant, a UUID, a name); none comes near this. */
    static final int CURSOR_MAX_LENGTH = 512;
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    /**
     * Schemas whose fields are validated as, or copied from, another's: a patch is checked as the
     * Write it merges into, and a representation shows what its Write accepted.
     */
    private static final Map<String, String> PATCH_OF_WRITE = Map.ofEntries(
            Map.entry("ArticlePatch", "ArticleWrite"),
            Map.entry("AuthorPatch", "AuthorWrite"),
            Map.entry("SectionPatch", "SectionWrite"),
            Map.entry("CopyrightNoticePatch", "CopyrightNoticeWrite"),
            Map.entry("SyndicatedArticle", "Article"),
            Map.entry("Partner", "PartnerWrite"),
            Map.entry("WebhookPatch", "WebhookWrite"),
            Map.entry("CollectionPatch", "CollectionWrite"),
            Map.entry("LiveblogEntryPatch", "LiveblogEntryWrite"),
            Map.entry("Webhook", "WebhookWrite"),
            Map.entry("WebhookCreated", "WebhookWrite"));

    private SchemaLimits() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(SchemaLimits::enumsOnItems);
        PATCH_OF_WRITE.forEach((patch, write) -> copyLimits(schemas.get(write), schemas.get(patch)));
        schemas.values().forEach(SchemaLimits::formats);
        schemas.values().forEach(SchemaLimits::pageSize);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(SchemaLimits::parameter);
            }
        }));
    }

    /** An enumeration given on a list names what its items may be. */
    private static void enumsOnItems(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(p -> {
            if (p.getEnumeration() != null && p.getItems() != null && p.getItems().getEnumeration() == null) {
                p.getItems().setEnumeration(p.getEnumeration());
                p.setEnumeration(null);
            }
        });
    }

    private static void copyLimits(Schema write, Schema patch) {
        if (write == null || patch == null || patch.getProperties() == null) {
            return;
        }
        patch.getProperties().forEach((name, target) -> {
            Schema source = write.getProperties().get(name);
            if (source == null) {
                return;
            }
            if (source.getMaxLength() != null) {
                target.setMaxLength(source.getMaxLength());
            }
            if (source.getPattern() != null) {
                target.setPattern(source.getPattern());
            }
            if (source.getMinimum() != null) {
                target.setMinimum(source.getMinimum());
            }
            if (source.getMaximum() != null) {
                target.setMaximum(source.getMaximum());
            }
            if (source.getMaxItems() != null) {
                target.setMaxItems(source.getMaxItems());
            }
            if (source.getItems() != null && target.getItems() != null && source.getItems().getRef() == null) {
                target.setItems(source.getItems());
            }
        });
    }

    /** A page envelope ({@code data} and {@code meta}) never holds more than the largest limit. */
    private static void pageSize(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && properties.size() == 2 && properties.containsKey("data")
                && properties.containsKey("meta")) {
            properties.get("data").setMaxItems(PageRequest.MAX_LIMIT);
        }
    }

    /** What a string's format already implies about its length. */
    private static void formats(Schema schema) {
        if (schema == null) {
            return;
        }
        if (isString(schema) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            if ("uuid".equals(schema.getFormat())) {
                schema.setMaxLength(36);
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setMaxLength(INSTANT_MAX_LENGTH);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaLimits::formats);
        }
        formats(schema.getItems());
        for (List<Schema> group : new List[] {schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()}) {
            if (group != null) {
                group.forEach(SchemaLimits::formats);
            }
        }
    }

    private static void parameter(Parameter p) {
        Schema s = p.getSchema();
        if (s == null) {
            return;
        }
        switch (p.getIn().name() + ":" + p.getName()) {
            // Declared as text so a bad value is our 400 naming it, but only 1 to 100 is valid.
            case "QUERY:limit" -> p.example(PageRequest.DEFAULT_LIMIT).setSchema(
                    integer(BigDecimal.ONE, BigDecimal.valueOf(PageRequest.MAX_LIMIT)).defaultValue(PageRequest.DEFAULT_LIMIT));
            case "QUERY:cursor" -> s.maxLength(CURSOR_MAX_LENGTH);
            case "QUERY:section", "QUERY:author", "PATH:slug" -> s.maxLength(Slugs.MAX_LENGTH).pattern(Slugs.REGEX);
            case "QUERY:tag" -> s.maxLength(100);
            case "QUERY:since", "QUERY:until" -> s.format("date-time").maxLength(INSTANT_MAX_LENGTH);
            case "QUERY:status" -> s.enumeration(List.of("draft", "scheduled", "published", "unpublished", "trashed"));
            case "QUERY:format" -> s.enumeration(List.of("json", "ninjs"));
            // IfMatch: one or more quoted revisions; "*" and weak tags never match.
            case "HEADER:If-Match" -> s.maxLength(200);
            case "PATH:n" -> p.setSchema(integer(BigDecimal.ONE, INT_MAX));
            default -> formats(s);
        }
    }

    private static Schema integer(BigDecimal min, BigDecimal max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(min).maximum(max);
    }

    private static boolean isString(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
    }
}
