package news.masthead.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import news.masthead.section.Section;
import org.hibernate.annotations.ColumnTransformer;

/** A front: pinned articles in order, then an optional fill. Named so it never meets java.util.Collection. */
@Entity
@Table(name = "collection")
public class CuratedCollection {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String description;

    /** The pinned items as JSON, a list of {@link PinnedItem} (the stored type, never an API record). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String items;

    /** For the Admin API (its slug); loaded only when asked for. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fill_section_id")
    public Section fillSection;
    /** The same column as a value: the public read needs only the id, and must not load the section for it. */
    @Column(name = "fill_section_id", insertable = false, updatable = false)
    public UUID fillSectionId;
    public String fillTag;
    public boolean hasFill;
    public int size;
    public int revision;
    public Instant createdAt;
    public Instant modifiedAt;
}
