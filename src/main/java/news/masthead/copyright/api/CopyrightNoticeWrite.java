package news.masthead.copyright.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields a caller may write on a copyright notice; everything else is the server's. */
@Schema(name = "CopyrightNoticeWrite", description = "Create a copyright notice.")
public record CopyrightNoticeWrite(
        @NotBlank @Size(max = CopyrightNoticeWrite.HOLDER_MAX) @Schema(example = "Northwind Media, Inc.") String holder,
        @NotNull @Min(CopyrightNoticeWrite.YEAR_MIN) @Max(CopyrightNoticeWrite.YEAR_MAX) @Schema(example = "2026") Integer year,
        @Size(max = CopyrightNoticeWrite.STATEMENT_MAX) @Schema(example = "All rights reserved.") String statement,
        @Size(max = CopyrightNoticeWrite.USAGE_TERMS_MAX) @Schema(example = "This material may not be published, broadcast, rewritten, or redistributed.")
        String usageTerms,
        @Pattern(regexp = "none|partners|listed", message = "must be one of none, partners, listed")
        @Schema(enumeration = {"none", "partners", "listed"}, defaultValue = "none",
                description = "none: never syndicated; partners: every partner; listed: named partners only.")
        String syndication,
        @JsonProperty("isDefault")
        @Schema(defaultValue = "false", description = "Makes this the default notice; the previous default stops being it.")
        Boolean isDefault,
        @Size(max = 200) @Schema(description = "With syndication 'listed': ids of the partners it licenses.")
        List<@NotNull UUID> partners) {

    // Named so the read schemas (CopyrightNotice, ArticleCopyright) state the same bounds.
    public static final int HOLDER_MAX = 300;
    public static final int YEAR_MIN = 1800;
    public static final int YEAR_MAX = 2200;
    public static final int STATEMENT_MAX = 1000;
    public static final int USAGE_TERMS_MAX = 2000;
    /** "Copyright " + year + " " + holder + ". " + statement: 17 characters around the two parts. */
    public static final int NOTICE_MAX = HOLDER_MAX + STATEMENT_MAX + 17;

    public String syndicationOrNone() {
        return syndication == null ? "none" : syndication;
    }

    public boolean makesDefault() {
        return Boolean.TRUE.equals(isDefault);
    }

    public List<UUID> partnersOrNone() {
        return partners == null ? List.of() : partners;
    }
}
