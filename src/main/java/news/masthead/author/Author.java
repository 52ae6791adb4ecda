package news.masthead.author;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Author {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String jobTitle;
    public String bio;
    public String avatarUrl;
    /** Admin API only: never part of a public representation. */
    public String email;
    public Instant createdAt;
    public Instant modifiedAt;
}
