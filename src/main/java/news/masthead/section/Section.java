package news.masthead.section;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Section {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String description;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Section parent;
    public int position;
    public Instant createdAt;
    public Instant modifiedAt;
}
