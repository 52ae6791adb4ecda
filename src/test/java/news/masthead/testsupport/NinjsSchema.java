package news.masthead.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import news.masthead.syndication.ninjs.NinjsMapper;

/**
 * The IPTC ninjs 2.2 schema (draft 2020-12), read from {@code ../shared/standards} beside the
 * project, or from the copy in the test resources when the project is checked out alone; only
 * classpath schemas may be loaded, so validation never touches the network.
 */
public final class NinjsSchema {
    public static final Path FILE = Path.of("../shared/standards/ninjs-schema_2.2.json");
    private static final String COPY = "/ninjs/ninjs-schema_2.2.json";
    private static JsonSchema schema;

    private NinjsSchema() {
    }

    public static synchronized JsonSchema get() {
        if (schema == null) {
            try {
                JsonNode node = new ObjectMapper().readTree(text());
                JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                        .schemaLoaders(l -> l.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                        .formatAssertionsEnabled(true)
                        // The schema's only remote $ref (GeoJSON for places) is loaded when used; we emit no places.
                        .preloadJsonSchema(false)
                        .build();
                schema = factory.getSchema(SchemaLocation.of(NinjsMapper.SCHEMA), node, config);
            } catch (IOException e) {
                throw new UncheckedIOException("the ninjs schema is missing at " + FILE.toAbsolutePath()
                        + " and on the classpath at " + COPY, e);
            }
        }
        return schema;
    }

    private static String text() throws IOException {
        if (Files.exists(FILE)) {
            return Files.readString(FILE);
        }
        try (var in = NinjsSchema.class.getResourceAsStream(COPY)) {
            if (in == null) {
                throw new IOException("no " + COPY);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
