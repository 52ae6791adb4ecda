package news.masthead.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import news.masthead.author.Author;
import news.masthead.copyright.CopyrightNotice;
import news.masthead.section.Section;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

@Entity
public class Article {
    @Id
    public UUID id;
    public String slug;
    public String headline;
    public String summary;

    /** The sanitized body blocks as JSON; {@code ArticleService} is the only writer. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String body;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public Section section;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "copyright_notice_id")
    public CopyrightNotice copyrightNotice;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "article_author",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Author> authors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] tags = new String[0];

    /** Stored status; "scheduled" is derived: published with {@link #visibleFrom} still ahead. */
    public String status;
    public Instant publishedAt;
    public Instant updatedAt;
    public Instant embargoedUntil;

    /** Computed by the database as the later of publishedAt and embargoedUntil. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    public Instant visibleFrom;

    /** Public update notes, JSON array of {at, kind, note}. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String updates = "[]";

    public int revision;
    public Instant createdAt;
    public String createdBy;
    public Instant modifiedAt;
    public String modifiedBy;
    public Instant trashedAt;
    /** The token that created it; a writer may edit only what its token created. */
    public UUID ownerTokenId;
}
