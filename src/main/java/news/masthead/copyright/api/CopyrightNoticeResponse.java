package news.masthead.copyright.api;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CopyrightNotice", description = "A copyright notice articles carry as their rights statement.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CopyrightNoticeResponse(
        UUID id,
        @Schema(example = "Northwind Media, Inc.", maxLength = CopyrightNoticeWrite.HOLDER_MAX) String holder,
        @Schema(example = "2026", minimum = "" + CopyrightNoticeWrite.YEAR_MIN, maximum = "" + CopyrightNoticeWrite.YEAR_MAX) int year,
        @Schema(example = "All rights reserved.", maxLength = CopyrightNoticeWrite.STATEMENT_MAX) @Nullable String statement,
        @Schema(example = "This material may not be published, broadcast, rewritten, or redistributed.", maxLength = CopyrightNoticeWrite.USAGE_TERMS_MAX) @Nullable String usageTerms,
        @Schema(enumeration = {"none", "partners", "listed"}) String syndication,
        @JsonProperty("isDefault") @Schema(description = "At most one notice is the default.") boolean isDefault,
        @Schema(description = "Composed: Copyright <year> <holder>. <statement>",
                example = "Copyright 2026 Northwind Media, Inc. All rights reserved.", maxLength = CopyrightNoticeWrite.NOTICE_MAX) String notice,
        @Schema(description = "With syndication 'listed': the partners it licenses.", maxItems = 200) List<UUID> partners,
        Instant createdAt,
        Instant modifiedAt) {
}
