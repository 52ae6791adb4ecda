package news.masthead.copyright.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over CopyrightNoticeWrite. */
@Schema(name = "CopyrightNoticePatch", description = "Any subset of the write fields; null clears a member.")
public record CopyrightNoticePatch(String holder, Integer year, String statement, String usageTerms,
                                   @Schema(enumeration = {"none", "partners", "listed"}) String syndication,
                                   @JsonProperty("isDefault") Boolean isDefault,
                                   java.util.List<java.util.UUID> partners) {
}
