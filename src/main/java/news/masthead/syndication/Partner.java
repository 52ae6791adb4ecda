package news.masthead.syndication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A publisher that republishes our stories, within the rights our copyright notices grant. */
@Entity
public class Partner {
    @Id
    public UUID id;
    public String name;

    /** Sections (with their subsections) the partner may receive; empty means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "uuid[]")
    public UUID[] sectionIds = new UUID[0];

    public boolean receivesEmbargoed;
    public Instant createdAt;
    public Instant modifiedAt;
}
