package news.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import news.masthead.article.PublicRows.Shown;
import news.masthead.common.db.PipelineSql;
import news.masthead.common.http.ETags;
import org.hibernate.Session;

/**
 * The public documents of articles (issue #19): the exact bytes the Content API answers for an
 * article ({@code public_document}) and for it in a list ({@code public_summary}), with the
 * surrogate keys they name ({@code public_keys}), rendered when the article or something it shows
 * changes, so that a read returns stored bytes instead of joining and mapping rows.
 *
 * <p>{@link #render} is the one renderer: the write pipeline stores what it returns, the sameness
 * test compares every stored document with it, and a read of a row not rendered yet answers with
 * it. It renders from the rows as they are, with the mapper and JSON writer the API uses; only
 * published articles (public or scheduled) have documents: a scheduled one is stored and not
 * served until the visibility predicate admits it.
 */
@ApplicationScoped
public class PublicDocuments {
    /** The rows a document is rendered from: the public select, by id, for any published article. */
    private static final String RENDER = "select " + Shown.select(PublicRows.Aliases.SHORT) + " from article a"
            + PublicRows.Listed.joins(PublicRows.Aliases.SHORT) + "where a.id in (:ids) and a.status = 'published'";

    private final EntityManager em;
    private final ArticleMapper mapper;
    private final ObjectMapper json;

    PublicDocuments(EntityManager em, ArticleMapper mapper, ObjectMapper json) {
        this.em = em;
        this.mapper = mapper;
        this.json = json;
    }

    /** What is stored for an article: its documents and the ETag of the article's, or null columns while it has none. */
    public record Document(String summary, String document, String keys, String etag) {
        static final Document NONE = new Document(null, null, null, null);
    }

    /**
     * A fresh render of the articles {@code ids} from their current rows: a document for each
     * published one, {@link Document#NONE} for any other.
     */
    public Map<UUID, Document> render(Collection<UUID> ids) {
        Map<UUID, Document> rendered = new HashMap<>();
        ids.forEach(id -> rendered.put(id, Document.NONE));
        if (ids.isEmpty()) {
            return rendered;
        }
        // Without Hibernate's query machinery (a twentieth of a published article's write in JFR). The
        // callers have flushed what the rows hold: the pipeline before its event, the others by a
        // native statement of their own first.
        for (Shown shown : PublicRows.queryDirect(em, RENDER, Map.of("ids", ids), r -> Shown.read(r, json))) {
            String document = write(mapper.article(shown));
            rendered.put(shown.listed().id(), new Document(write(mapper.summary(shown.listed(), null)), document,
                    String.join(" ", mapper.keys(shown.listed())), ETags.of(document.getBytes(StandardCharsets.UTF_8))));
        }
        return rendered;
    }

    /** What is stored now for the articles {@code ids} (absent: no such article). */
    public Map<UUID, Document> stored(Collection<UUID> ids) {
        Map<UUID, Document> stored = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        for (Object[] row : rows(PipelineSql.of(em, "select id, public_summary, public_document, public_keys, public_etag "
                + "from article where id in (:ids)").setParameter("ids", ids).getResultList())) {
            stored.put((UUID) row[0], new Document((String) row[1], (String) row[2], (String) row[3], (String) row[4]));
        }
        return stored;
    }

    /**
     * Renders the articles {@code ids} again and stores what changed, inside the caller's
     * transaction; returns the ids whose documents changed. The rows are locked first, in id order
     * (the order every batch takes them in), and rendered after: what is stored is what their
     * rows, and their authors, section and notice, hold once no other writer can change the article
     * before this commits. The write pipeline calls it with the article's row lock already held.
     */
    public List<UUID> refresh(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        TreeSet<UUID> ordered = new TreeSet<>(ids);
        if (ordered.size() > 1) {
            PipelineSql.of(em, "select id from article where id in (:ids) order by id for no key update")
                    .setParameter("ids", ordered).getResultList();
        }
        return store(ordered, render(ordered));
    }

    /**
     * Stores the documents that differ from what the rows hold, in one batch of updates (one round
     * trip: a queue batch rewrites hundreds of rows); returns their ids. Each update compares in
     * SQL, so nothing is read first, and a row whose documents are the same is not written again.
     */
    private List<UUID> store(Collection<UUID> ids, Map<UUID, Document> documents) {
        List<UUID> order = List.copyOf(ids);
        int[] counts = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("update article set public_summary = ?, "
                    + "public_document = ?, public_keys = ?, public_etag = ? where id = ? and (public_summary, "
                    + "public_document, public_keys, public_etag) is distinct from (?, ?, ?, ?)")) {
                for (UUID id : order) {
                    Document d = documents.get(id);
                    String[] values = {d.summary(), d.document(), d.keys(), d.etag()};
                    for (int i = 0; i < values.length; i++) {
                        s.setString(1 + i, values[i]);
                        s.setString(6 + i, values[i]);
                    }
                    s.setObject(5, id);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
        List<UUID> changed = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (counts[i] > 0) {
                changed.add(order.get(i));
            }
        }
        return changed;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A public document could not be rendered", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
