package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import news.masthead.common.db.DirectReads;
import news.masthead.common.replica.PublicReadJdbc;

/**
 * What the Content API shows of articles, read as plain values rather than managed entities: a
 * public read never writes, so it needs no dirty checking, no snapshots and no lazy loading, and
 * a list never needs the body. Every public read is one native statement: this class holds its
 * select list, once, with each column labelled, and reads rows back by those labels.
 */
public final class PublicRows {
    private PublicRows() {
    }

    /** The table aliases of a public statement: the article, its section and its copyright notice. */
    record Aliases(String article, String section, String notice) {
        /** What most statements call them. */
        static final Aliases SHORT = new Aliases("a", "s", "n");
    }

    /**
     * Everything a summary shows, and the ids its surrogate keys name. The bylines come in the same
     * row, as a JSON array of {@code [authorId, slug, name]} in byline order: one statement per page
     * instead of a second round trip.
     */
    public record Listed(UUID id, String slug, String headline, String summary, UUID sectionId, String sectionSlug,
                         String sectionName, String[] tags, UUID noticeId, String holder, int year, String statement,
                         String usageTerms, Instant publishedAt, Instant updatedAt, List<Byline> bylines, String kind,
                         boolean live, String leadImage) {

        /** The select list; the columns' labels are the names {@link #read} asks for. */
        static String select(Aliases t) {
            String a = t.article() + ".";
            String s = t.section() + ".";
            String n = t.notice() + ".";
            return a + "id as id, " + a + "slug as slug, " + a + "headline as headline, " + a + "summary as summary, "
                    + s + "id as section_id, " + s + "slug as section_slug, " + s + "name as section_name, "
                    + a + "tags as tags, " + n + "id as notice_id, " + n + "holder as holder, " + n + "year as year, "
                    + n + "statement as statement, " + n + "usage_terms as usage_terms, "
                    + a + "published_at as published_at, " + a + "updated_at as updated_at, "
                    + a + "kind as kind, " + a + "live as live, "
                    + "cast(" + a + "lead_image as text) as lead_image, "
                    + "(select coalesce(json_agg(json_build_array(au.id, au.slug, au.name) order by aa.position), '[]') "
                    + "from article_author aa join author au on au.id = aa.author_id where aa.article_id = " + a + "id) as bylines";
        }

        /** What {@link #select} needs joined to the article. */
        static String joins(Aliases t) {
            return " left join section " + t.section() + " on " + t.section() + ".id = " + t.article() + ".section_id "
                    + "join copyright_notice " + t.notice() + " on " + t.notice() + ".id = " + t.article() + ".copyright_notice_id ";
        }

        static Listed read(Row r, ObjectMapper json) {
            return new Listed(r.uuid("id"), r.text("slug"), r.text("headline"), r.text("summary"), r.uuid("section_id"),
                    r.text("section_slug"), r.text("section_name"), r.texts("tags"), r.uuid("notice_id"), r.text("holder"),
                    r.integer("year"), r.text("statement"), r.text("usage_terms"), r.instant("published_at"),
                    r.instant("updated_at"), bylines(r.text("bylines"), json), r.text("kind"), r.bool("live"),
                    r.text("lead_image"));
        }

        private static List<Byline> bylines(String aggregated, ObjectMapper json) {
            try {
                List<Byline> bylines = new ArrayList<>();
                for (JsonNode b : json.readTree(aggregated)) {
                    bylines.add(new Byline(UUID.fromString(b.get(0).asText()), b.get(1).asText(), b.get(2).asText()));
                }
                return bylines;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Aggregated bylines could not be read", e);
            }
        }
    }

    /** A whole article: its summary, body, public updates and alternative headlines as the stored JSON. */
    public record Shown(Listed listed, String body, String updates, String headlines) {
        static String select(Aliases t) {
            return Listed.select(t) + ", cast(" + t.article() + ".body as text) as body, cast(" + t.article()
                    + ".updates as text) as updates, cast(" + t.article() + ".headlines as text) as headlines";
        }

        static Shown read(Row r, ObjectMapper json) {
            return new Shown(Listed.read(r, json), r.text("body"), r.text("updates"), r.text("headlines"));
        }
    }

    /**
     * A public row as stored at write time (issue #19): one of the article's rendered documents (the
     * summary in lists, the whole article by slug) and the surrogate keys it names; {@code json} is
     * null while it has not been rendered yet (an article written before the documents existed,
     * still in the render queue).
     */
    public record Stored(UUID id, Instant publishedAt, String json, String keys, String etag) {
        /** The select list of summaries (no ETag: a list's bytes are more than one document's). */
        static String summaries(Aliases t) {
            return columns(t, "public_summary") + ", null as etag";
        }

        /** The select list of whole articles, with the ETag of each one's bytes. */
        static String documents(Aliases t) {
            return columns(t, "public_document") + ", " + t.article() + ".public_etag as etag";
        }

        private static String columns(Aliases t, String document) {
            String a = t.article() + ".";
            return a + "id as id, " + a + "published_at as published_at, " + a + document + " as json, "
                    + a + "public_keys as public_keys";
        }

        static Stored read(Row r) {
            return new Stored(r.uuid("id"), r.instant("published_at"), r.text("json"), r.text("public_keys"),
                    r.text("etag"));
        }
    }

    /** One author of an article. */
    public record Byline(UUID authorId, String slug, String name) {
    }

    /** Runs a native statement and reads each of its rows by column label. */
    static <T> List<T> query(EntityManager em, String sql, Map<String, Object> params, Function<Row, T> read) {
        return query(em.createNativeQuery(sql, Tuple.class), params, read);
    }

    private static <T> List<T> query(Query query, Map<String, Object> params, Function<Row, T> read) {
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> read.apply(new Row(t::get))).toList();
    }

    /**
     * The same on the session's JDBC connection, without Hibernate's query machinery
     * ({@link DirectReads}): for the stored documents' reads, and for their render in the write
     * pipeline, which has flushed what the statement reads (no automatic flush here, as with
     * {@code PipelineSql}).
     */
    static <T> List<T> queryDirect(EntityManager em, String sql, Map<String, Object> params, Function<Row, T> read) {
        return DirectReads.query(em, sql, params, rs -> read.apply(row(rs)));
    }

    /** The same outside any session: a read answered before the JAX-RS pipeline. */
    static <T> List<T> queryOutsideSession(PublicReadJdbc jdbc, String sql, Map<String, Object> params,
                                           Function<Row, T> read) {
        return jdbc.query(sql, params, rs -> read.apply(row(rs)));
    }

    private static Row row(java.sql.ResultSet rs) {
        return new Row(column -> {
            try {
                return rs.getObject(column);
            } catch (SQLException e) {
                throw new IllegalStateException(column + " could not be read", e);
            }
        });
    }

    /**
     * One row of a native statement, its values read by column label and converted to the type the
     * caller asks for; the JDBC driver decides the type it hands over (a timestamptz may come as a
     * Timestamp or an OffsetDateTime, a text[] as an Array).
     */
    static final class Row {
        private final Function<String, Object> tuple;

        private Row(Function<String, Object> valueByLabel) {
            this.tuple = valueByLabel;
        }

        String text(String column) {
            Object value = tuple.apply(column);
            // JDBC hands over json and jsonb (the aggregated bylines) as PGobject, Hibernate as text.
            return value instanceof org.postgresql.util.PGobject json ? json.getValue() : (String) value;
        }

        UUID uuid(String column) {
            return (UUID) tuple.apply(column);
        }

        int integer(String column) {
            return ((Number) tuple.apply(column)).intValue();
        }

        boolean bool(String column) {
            return (Boolean) tuple.apply(column);
        }

        float real(String column) {
            return ((Number) tuple.apply(column)).floatValue();
        }

        Instant instant(String column) {
            Object value = tuple.apply(column);
            if (value instanceof java.sql.Timestamp t) {
                return t.toInstant();
            }
            if (value instanceof OffsetDateTime t) {
                return t.toInstant();
            }
            return (Instant) value;
        }

        String[] texts(String column) {
            Object value = tuple.apply(column);
            try {
                if (value instanceof java.sql.Array a) {
                    return (String[]) a.getArray();
                }
                if (value instanceof Object[] a && !(value instanceof String[])) {
                    return Arrays.copyOf(a, a.length, String[].class);
                }
                return (String[]) value;
            } catch (SQLException e) {
                throw new IllegalStateException(column + " could not be read", e);
            }
        }
    }
}
