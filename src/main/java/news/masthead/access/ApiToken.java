package news.masthead.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    public UUID id;
    public String name;
    public String role;
    /** Hex SHA-256 of the secret; the secret itself is never stored. */
    public String secretHash;

    /** Sections this token is limited to (with their subsections); empty means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "uuid[]")
    public UUID[] sectionIds = new UUID[0];

    public UUID partnerId;
    public Instant expiresAt;
    public Instant revokedAt;
    public Instant createdAt;
    public String createdBy;
    public Instant modifiedAt;
}
