package news.masthead.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import news.masthead.author.Author;
import org.hibernate.annotations.ColumnTransformer;

/** One entry of a liveblog article: written through the article's write pipeline, public while the article is. */
@Entity
@Table(name = "liveblog_entry")
public class LiveblogEntry {
    @Id
    public UUID id;
    public UUID articleId;
    public String headline;

    /** The sanitized body blocks as JSON, as {@link Article#body}. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String body;

    public boolean keyEvent;
    public boolean pinned;
    public Instant publishedAt;
    public Instant updatedAt;
    public String createdBy;
    public String modifiedBy;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "liveblog_entry_author",
            joinColumns = @JoinColumn(name = "entry_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    public List<Author> authors = new ArrayList<>();
}
