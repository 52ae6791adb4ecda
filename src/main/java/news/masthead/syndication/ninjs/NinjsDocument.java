package news.masthead.syndication.ninjs;

import jakarta.annotation.Nullable;
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
        @Schema(format = "uri", maxLength = 200, example = "urn:masthead:article:0b7d5c1e-2f4a-4c55-9c1d-3c6f1e2d8a90") String uri,
        NinjsStandard standard,
        @Schema(enumeration = "text") String type,
        @Schema(enumeration = {"full", "partial"}, description = "`partial` on a kill notice, which carries no content.")
        String representationtype,
        @Schema(format = "date-time", description = "When the article was first published.") String firstcreated,
        @Schema(format = "date-time", description = "Its last public update.") String versioncreated,
        @Schema(format = "date-time", description = "Present when the article was released under embargo: the instant it lifts.") String embargoed,
        @Schema(enumeration = {"usable", "withheld", "canceled"}, description = "`withheld` while an embargo holds; "
                + "`canceled` once the article was killed: remove every copy.") String pubstatus,
        @Schema(example = "en", maxLength = 35) String language,
        @Schema(maxItems = 1) List<NinjsText> headlines,
        @Schema(maxItems = 1) List<NinjsText> descriptions,
        @Schema(maxItems = 1) List<NinjsBody> bodies,
        @Schema(example = "Jane Doe and John Roe", maxLength = LONG_TEXT) String by,
        @Schema(maxItems = 20, description = "The byline's authors.") List<NinjsEntity> people,
        @Schema(maxItems = 51, description = "The section and up to 50 tags.") List<NinjsEntity> subjects,
        @Schema(maxItems = 10) List<NinjsAltId> altids,
        @Schema(maxLength = 300) String copyrightholder,
        @Schema(maxLength = LONG_TEXT) String copyrightnotice,
        @Schema(maxLength = LONG_TEXT) String usageterms,
        @Schema(maxLength = 300, description = "A note for the partner's staff, not for publication: on a kill notice, "
                + "what to do.") String ednote,
        @Schema(maxItems = 1, description = "The lead image, as a picture with the article's rights.")
        List<NinjsAssociation> associations) {

    /** Every stored text is bounded by the 1 MiB write limit, so no field can be longer. */
    static final int LONG_TEXT = 1_048_576;

    @Schema(name = "NinjsStandard")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsStandard(@Schema(maxLength = 100) String name, @Schema(maxLength = 20) String version,
                                @Schema(maxLength = 200) String schema) {
    }

    @Schema(name = "NinjsText", description = "A headline or description.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsText(@Schema(maxLength = 50) String role, @Schema(maxLength = 100) String contenttype,
                            @Schema(maxLength = LONG_TEXT) String value) {
    }

    @Schema(name = "NinjsBody", description = "The article body as HTML, without promo lines and custom html blocks.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsBody(@Schema(maxLength = 50) String role, @Schema(maxLength = 100) String contenttype,
                            @Schema(minimum = "0", maximum = "1048576") Integer wordcount,
                            @Schema(maxLength = LONG_TEXT) String value) {
    }

    @Schema(name = "NinjsEntity", description = "A person (an author) or a subject (the section, a tag).")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsEntity(@Schema(maxLength = 300) String name, @Schema(maxLength = 100) String rel,
                              @Schema(maxLength = 300) String literal) {
    }

    /**
     * An associated news object: here the article's lead image, a ninjs {@code picture} in its own
     * right (ninjs 2.2 lets an association use every ninjs property), carrying the article's
     * copyright notice, since the image is licensed with the story.
     */
    @Schema(name = "NinjsAssociation", description = "An associated picture: the article's lead image, with the "
            + "article's copyright holder, notice and usage terms.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsAssociation(@Schema(maxLength = 50, example = "leadimage") String name,
                                   @Schema(format = "uri", maxLength = 2000) String uri,
                                   @Schema(enumeration = "picture") String type,
                                   @Schema(enumeration = "partial", description = "Only metadata and a link: the image "
                                           + "itself is at the rendition's href.") String representationtype,
                                   @Schema(maxItems = 2, description = "`alt` (alternative text) and `caption`.")
                                   List<NinjsText> descriptions,
                                   @Schema(maxLength = 500, description = "The photo credit.") String by,
                                   @Schema(maxLength = 300) String copyrightholder,
                                   @Schema(maxLength = LONG_TEXT) String copyrightnotice,
                                   @Schema(maxLength = LONG_TEXT) String usageterms,
                                   @Schema(maxItems = 1) List<NinjsRendition> renditions) {
    }

    @Schema(name = "NinjsRendition", description = "Where the picture is, and its size in pixels when known.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsRendition(@Schema(maxLength = 50, example = "original") String name,
                                 @Schema(format = "uri", maxLength = 2000) String href,
                                 @Schema(minimum = "1", maximum = "100000") @Nullable Integer width,
                                 @Schema(minimum = "1", maximum = "100000") @Nullable Integer height) {
    }

    @Schema(name = "NinjsAltId")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NinjsAltId(@Schema(maxLength = 100) String role, @Schema(maxLength = 300) String value) {
    }
}
