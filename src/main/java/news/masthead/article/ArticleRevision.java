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

    /** The admin representation of the article at this revision, as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String snapshot;

    @Embeddable
    public record Key(@Column(name = "article_id") UUID articleId, int revision) implements Serializable {
    }
}
