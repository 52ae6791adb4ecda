package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the Content API shows of articles, read as plain values rather than managed entities: a
 * public read never writes, so it needs no dirty checking, no snapshots and no lazy loading, and
 * a list never needs the body.
 */
public final class PublicRows {
    private PublicRows() {
    }

    /**
     * Everything a summary shows, and the ids its surrogate keys name. The bylines come in the same
     * row, as a JSON array of {@code [authorId, slug, name]} in byline order (see {@link #BYLINES}):
     * one statement per page instead of a second round trip.
     */
    public record Listed(UUID id, String slug, String headline, String summary, UUID sectionId, String sectionSlug,
                         String sectionName, String[] tags, UUID noticeId, String holder, int year, String statement,
                         String usageTerms, Instant publishedAt, Instant updatedAt, List<Byline> bylines) {

        /** The bylines of the article {@code ?}, aggregated in byline order; plain SQL. */
        private static final String BYLINES_OF = "(select coalesce(json_agg(json_build_array(au.id, au.slug, au.name) "
                + "order by aa.position), '[]') from article_author aa join author au on au.id = aa.author_id "
                + "where aa.article_id = ?)";
        static final String BYLINES = "cast(sql('" + BYLINES_OF.replace("'", "''") + "', a.id) as String)";
        /** The HQL select list, in constructor order; {@code a} the article, {@code s} its section, {@code n} its notice. */
        static final String SELECT = "a.id, a.slug, a.headline, a.summary, s.id, s.slug, s.name, a.tags, n.id, "
                + "n.holder, n.year, n.statement, n.usageTerms, a.publishedAt, a.updatedAt, " + BYLINES;
        /** The same select list in SQL, for native statements with the same aliases. */
        static final String SQL_SELECT = "a.id, a.slug, a.headline, a.summary, s.id, s.slug, s.name, a.tags, n.id, "
                + "n.holder, n.year, n.statement, n.usage_terms, a.published_at, a.updated_at, " + BYLINES_OF.replace("?", "a.id");
        /** What {@link #SQL_SELECT} needs joined to the article {@code a}. */
        static final String SQL_JOINS = " left join section s on s.id = a.section_id "
                + "join copyright_notice n on n.id = a.copyright_notice_id ";
        /** How many columns the select list has. */
        static final int COLUMNS = 16;
        static final String FROM = " from Article a left join a.section s join a.copyrightNotice n ";

        static Listed of(Object[] r, ObjectMapper json) {
            return new Listed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    (String) r[6], tags(r[7]), (UUID) r[8], (String) r[9], ((Number) r[10]).intValue(), (String) r[11],
                    (String) r[12], instant(r[13]), instant(r[14]), bylines((String) r[15], json));
        }

        /** A native statement gives the JDBC driver's types; HQL gives the mapped ones. */
        private static Instant instant(Object value) {
            if (value instanceof java.sql.Timestamp t) {
                return t.toInstant();
            }
            if (value instanceof java.time.OffsetDateTime t) {
                return t.toInstant();
            }
            return (Instant) value;
        }

        private static String[] tags(Object value) {
            try {
                if (value instanceof java.sql.Array a) {
                    return (String[]) a.getArray();
                }
                if (value instanceof Object[] a && !(value instanceof String[])) {
                    return java.util.Arrays.copyOf(a, a.length, String[].class);
                }
                return (String[]) value;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Tags could not be read", e);
            }
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

    /** A whole article: its summary, body and public updates as the stored JSON. */
    public record Shown(Listed listed, String body, String updates) {
        static final String SELECT = Listed.SELECT + ", a.body, a.updates";

        static Shown of(Object[] r, ObjectMapper json) {
            return new Shown(Listed.of(r, json), (String) r[16], (String) r[17]);
        }
    }

    /** One author of an article. */
    public record Byline(UUID authorId, String slug, String name) {
    }
}
