package news.masthead.syndication.ninjs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An IPTC ninjs 2.2 news item (https://iptc.org/std/ninjs/). Property names are ninjs's own
 * (all lowercase); times are RFC 3339 strings so the document reads the same whatever the
 * ObjectMapper's date settings. Empty and null properties are left out, as ninjs expects.
 */
@Schema(name = "NinjsDocument", description = "An article as an IPTC ninjs 2.2 news item.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NinjsDocument(
        @Schema(format = "uri", example = "urn:masthead:article:0b7d5c1e-2f4a-4c55-9c1d-3c6f1e2d8a90") String uri,
        NinjsStandard standard,
        @Schema(enumeration = "text") String type,
        @Schema(enumeration = "full") String representationtype,
        @Schema(format = "date-time", description = "When the article was first published.") String firstcreated,
        @Schema(format = "date-time", description = "Its last public update.") String versioncreated,
        @Schema(format = "date-time", description = "Present when the article was released under embargo: the instant it lifts.") String embargoed,
        @Schema(enumeration = {"usable", "withheld"}, description = "`withheld` while an embargo holds.") String pubstatus,
        @Schema(example = "en") String language,
        List<NinjsText> headlines,
        List<NinjsText> descriptions,
        List<NinjsBody> bodies,
        @Schema(example = "Jane Doe and John Roe") String by,
        List<NinjsEntity> people,
        List<NinjsEntity> subjects,
        List<NinjsAltId> altids,
        String copyrightholder,
        String copyrightnotice,
        String usageterms) {

    @Schema(name = "NinjsStandard")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsStandard(String name, String version, String schema) {
    }

    @Schema(name = "NinjsText", description = "A headline or description.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsText(String role, String contenttype, String value) {
    }

    @Schema(name = "NinjsBody", description = "The article body as HTML, without promo lines and custom html blocks.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsBody(String role, String contenttype, Integer wordcount, String value) {
    }

    @Schema(name = "NinjsEntity", description = "A person (an author) or a subject (the section, a tag).")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsEntity(String name, String rel, String literal) {
    }

    @Schema(name = "NinjsAltId")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsAltId(String role, String value) {
    }
}
