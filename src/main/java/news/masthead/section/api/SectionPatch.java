package news.masthead.section.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over SectionWrite. */
@Schema(name = "SectionPatch", description = "Any subset of the write fields; null clears a member (parent: null makes it top-level).")
public record SectionPatch(String slug, String name, String description, String parent, Integer position) {
}
