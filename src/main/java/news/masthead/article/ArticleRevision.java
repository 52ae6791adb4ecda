package news.masthead.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One accepted change of an article: who, when, which fields, and the article as it then was. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision {
    @EmbeddedId
    public Key key;
    public Instant at;
    public String by;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] changed;

    /**
     * The article as it was at this revision: an {@link ArticleSnapshot} as JSON, its shape named
     * by its {@code schema} field (rows from before it have none); read through {@link ArticleSnapshots}.
     */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String snapshot;

    @Embeddable
    public record Key(@Column(name = "article_id") UUID articleId, int revision) implements Serializable {
    }
}
