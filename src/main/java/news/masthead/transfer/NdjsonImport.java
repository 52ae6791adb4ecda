package news.masthead.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import news.masthead.article.body.Block;
import news.masthead.article.body.Sanitizer;
import news.masthead.article.body.SearchText;
import news.masthead.common.time.Now;
import news.masthead.syndication.SyndicationLedger;
import news.masthead.transfer.NdjsonExport.Kind;

/**
 * Reads what {@link NdjsonExport} writes, in batches of one transaction each. Idempotent: a record
 * whose id (or slug) is already there is skipped, never overwritten, so running the same file
 * again (after a failure, say) changes nothing that was already imported.
 *
 * <p>An archive is input like any other: article bodies pass through the same {@code Sanitizer},
 * block by block, as an API write's ({@link Block#sanitized}); an author skipped because its slug
 * is taken is the author a byline then names; and the partners' change feed re-judges each
 * batch's new articles in the batch's own transaction, as it does for every write.
 */
public final class NdjsonImport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Blocks read and written as the API's mapper does (absent members left out). */
    private static final ObjectMapper BLOCKS = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT);

    /** What happened to each kind of record. */
    public record Summary(Map<Kind, Integer> inserted, Map<Kind, Integer> skipped) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (Kind k : Kind.values()) {
                s.append(String.format("%-8s %7d imported, %7d already there%n", k, inserted.get(k), skipped.get(k)));
            }
            return s.toString().stripTrailing();
        }
    }

    /** A line that could not be imported; everything before its batch is in the database. */
    public static final class ImportException extends RuntimeException {
        ImportException(long line, String reason, Throwable cause) {
            super("line " + line + ": " + reason, cause);
        }
    }

    private final DataSource dataSource;
    private final int batchSize;
    private final Sanitizer sanitizer;
    private final Now clock;

    public NdjsonImport(DataSource dataSource, int batchSize, Sanitizer sanitizer, Now clock) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    public Summary read(BufferedReader in, Consumer<String> progress) throws IOException, SQLException {
        Map<Kind, Integer> inserted = new EnumMap<>(Kind.class);
        Map<Kind, Integer> skipped = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            inserted.put(k, 0);
            skipped.put(k, 0);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statements sql = new Statements(c, sanitizer)) {
                long lineNo = 0;
                long inBatch = 0;
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Kind kind;
                    boolean added;
                    try {
                        JsonNode node = JSON.readTree(line);
                        kind = Kind.valueOf(node.path("kind").asText());
                        added = sql.insert(kind, node);
                    } catch (IllegalArgumentException | IOException e) {
                        c.rollback();
                        throw new ImportException(lineNo, "not a record this version writes (" + e.getMessage() + ")", e);
                    } catch (SQLException e) {
                        c.rollback();
                        throw new ImportException(lineNo, e.getMessage(), e);
                    }
                    (added ? inserted : skipped).merge(kind, 1, Integer::sum);
                    if (++inBatch == batchSize) {
                        sql.syndicate(c, clock);
                        c.commit();
                        inBatch = 0;
                        progress.accept("imported through line " + lineNo);
                    }
                }
                sql.syndicate(c, clock);
                c.commit();
                progress.accept("imported " + lineNo + " lines");
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return new Summary(inserted, skipped);
    }

    /** The prepared inserts, one per table; column lists come from the schema itself. */
    private static final class Statements implements AutoCloseable {
        private final PreparedStatement section;
        private final PreparedStatement author;
        private final PreparedStatement notice;
        private final PreparedStatement article;
        private final PreparedStatement collection;
        private final PreparedStatement entry;
        private final PreparedStatement byline;
        private final PreparedStatement entryByline;
        private final PreparedStatement redirects;
        private final PreparedStatement revisions;
        private final PreparedStatement authorBySlug;
        private final Sanitizer sanitizer;
        /** An archive's author id to the id of the author already here under its slug. */
        private final Map<String, String> sameAuthor = new java.util.HashMap<>();
        /** Articles inserted in the current batch, for the partners' change feed. */
        private final List<java.util.UUID> newArticles = new ArrayList<>();

        Statements(Connection c, Sanitizer sanitizer) throws SQLException {
            this.sanitizer = sanitizer;
            authorBySlug = c.prepareStatement("select id::text from author where slug = ?");
            section = c.prepareStatement(insertRecord(c, "section"));
            author = c.prepareStatement(insertRecord(c, "author"));
            notice = c.prepareStatement(insertRecord(c, "copyright_notice"));
            article = c.prepareStatement(insertRecord(c, "article"));
            collection = c.prepareStatement(insertRecord(c, "collection"));
            entry = c.prepareStatement(insertRecord(c, "liveblog_entry"));
            entryByline = c.prepareStatement("""
                    insert into liveblog_entry_author (entry_id, position, author_id)
                    select ?::uuid, (t.ord - 1)::int, t.id::uuid
                    from jsonb_array_elements_text(?::jsonb) with ordinality as t (id, ord)
                    on conflict do nothing""");
            byline = c.prepareStatement("""
                    insert into article_author (article_id, position, author_id)
                    select ?::uuid, (t.ord - 1)::int, t.id::uuid
                    from jsonb_array_elements_text(?::jsonb) with ordinality as t (id, ord)
                    on conflict do nothing""");
            redirects = c.prepareStatement("""
                    insert into article_slug_redirect (slug, article_id)
                    select t.slug, ?::uuid from jsonb_array_elements_text(?::jsonb) as t (slug)
                    on conflict do nothing""");
            revisions = c.prepareStatement("""
                    insert into article_revision (article_id, revision, at, by, changed, snapshot)
                    select ?::uuid, r.revision, r.at, r.by, r.changed, r.snapshot
                    from jsonb_populate_recordset(null::article_revision, ?::jsonb) as r
                    on conflict do nothing""");
        }

        /** Every column but generated ones, from the record as PostgreSQL's own row type reads it. */
        private static String insertRecord(Connection c, String table) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select column_name from information_schema.columns
                    where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
                    order by ordinal_position""")) {
                s.setString(1, table);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        columns.add('"' + rows.getString(1) + '"');
                    }
                }
            }
            String list = String.join(", ", columns);
            // "on conflict do nothing" without a target also skips a record whose slug is taken.
            return "insert into " + table + " (" + list + ") select " + list
                    + " from jsonb_populate_record(null::" + table + ", ?::jsonb) on conflict do nothing";
        }

        boolean insert(Kind kind, JsonNode node) throws SQLException, IOException {
            // Entry bodies are the same blocks as articles', sanitized the same way.
            JsonNode given = kind == Kind.article ? storyByDefault(node.path("record")) : node.path("record");
            String record = (kind == Kind.article || kind == Kind.entry ? sanitized(given) : given).toString();
            PreparedStatement target = switch (kind) {
                case section -> section;
                case author -> author;
                case notice -> notice;
                case article -> article;
                case entry -> entry;
                case collection -> collection;
            };
            target.setString(1, record);
            if (target.executeUpdate() == 0) {
                if (kind == Kind.author) {
                    rememberExisting(node.path("record"));
                }
                return false;
            }
            if (kind == Kind.article) {
                String id = node.path("record").path("id").asText();
                newArticles.add(java.util.UUID.fromString(id));
                children(byline, id, bylineIds(node.path("authors")));
                children(redirects, id, node.path("redirects"));
                children(revisions, id, node.path("revisions"));
            }
            if (kind == Kind.entry) {
                children(entryByline, node.path("record").path("id").asText(), bylineIds(node.path("authors")));
            }
            return true;
        }

        /**
         * An article of an archive written before liveblogs (V61) is a story: its row's kind and
         * live are the columns' defaults, which a record read as the row type would leave null.
         */
        private static JsonNode storyByDefault(JsonNode record) {
            if (record.has("kind") && record.has("live") || !record.isObject()) {
                return record;
            }
            com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
            if (!copy.has("kind")) {
                copy.put("kind", "story");
            }
            if (!copy.has("live")) {
                copy.put("live", false);
            }
            return copy;
        }

        /** The body as an API write stores it: every block sanitized, and the search text of that. */
        private JsonNode sanitized(JsonNode record) throws IOException {
            if (!record.hasNonNull("body")) {
                return record;
            }
            List<Block> blocks = BLOCKS.readValue(BLOCKS.treeAsTokens(record.get("body")),
                    BLOCKS.getTypeFactory().constructCollectionType(List.class, Block.class));
            List<Block> clean = blocks.stream().map(b -> b.sanitized(sanitizer)).toList();
            if (clean.equals(blocks)) {
                // Already what an API write stores (a Masthead archive): kept byte for byte.
                return record;
            }
            com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
            copy.set("body", BLOCKS.valueToTree(clean));
            copy.put("body_text", SearchText.of(clean));
            return copy;
        }

        /** A skipped author whose slug another author holds: bylines naming it name that one. */
        private void rememberExisting(JsonNode author) throws SQLException {
            authorBySlug.setString(1, author.path("slug").asText());
            try (ResultSet r = authorBySlug.executeQuery()) {
                if (r.next()) {
                    sameAuthor.put(author.path("id").asText(), r.getString(1));
                }
            }
        }

        private JsonNode bylineIds(JsonNode ids) {
            if (!ids.isArray() || sameAuthor.isEmpty()) {
                return ids;
            }
            com.fasterxml.jackson.databind.node.ArrayNode mapped = JSON.createArrayNode();
            ids.forEach(id -> mapped.add(sameAuthor.getOrDefault(id.asText(), id.asText())));
            return mapped;
        }

        /** Appends what partners may now receive of this batch's new articles, in its transaction. */
        void syndicate(Connection c, Now clock) throws SQLException {
            if (newArticles.isEmpty()) {
                return;
            }
            java.sql.Array ids = c.createArrayOf("uuid", newArticles.toArray());
            for (String statement : SyndicationLedger.rejudgeStatements("a.id = any(?)", clock)) {
                try (PreparedStatement s = c.prepareStatement(statement)) {
                    if (statement.contains("?")) {
                        s.setArray(1, ids);
                    }
                    s.execute();
                }
            }
            newArticles.clear();
        }

        private static void children(PreparedStatement s, String articleId, JsonNode items) throws SQLException {
            s.setString(1, articleId);
            s.setString(2, items.isMissingNode() ? "[]" : items.toString());
            s.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(section, author, notice, article, collection, entry, byline, entryByline, redirects, revisions,
                    authorBySlug)) {
                s.close();
            }
        }
    }
}
