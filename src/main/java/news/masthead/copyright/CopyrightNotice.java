package news.masthead.copyright;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "copyright_notice")
public class CopyrightNotice {
    @Id
    public UUID id;
    public String holder;
    public int year;
    public String statement;
    public String usageTerms;
    public String syndication;
    public boolean isDefault;

    /** With syndication 'listed': the partners this notice licenses. */
    @ElementCollection
    @CollectionTable(name = "copyright_notice_partner", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "partner_id")
    public Set<UUID> partnerIds = new HashSet<>();
    public Instant createdAt;
    public Instant modifiedAt;

    /** The contract's composition: {@code Copyright <year> <holder>. <statement>}. */
    public String notice() {
        return notice(year, holder, statement);
    }

    /** The copyright line readers see, from a notice's fields. */
    public static String notice(int year, String holder, String statement) {
        String base = "Copyright " + year + " " + holder + (holder.endsWith(".") ? "" : ".");
        return statement == null || statement.isBlank() ? base : base + " " + statement;
    }
}
