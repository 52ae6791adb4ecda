package news.masthead.author.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over AuthorWrite. */
@Schema(name = "AuthorPatch", description = "Any subset of the write fields; null clears a member.")
public record AuthorPatch(String slug, String name, String jobTitle, String bio, String avatarUrl, String email) {
}
