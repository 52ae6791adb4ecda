package news.masthead.article.api;

import java.util.List;
import java.util.UUID;
import news.masthead.article.body.Block;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the PATCH body for OpenAPI; the service reads it as a merge patch over ArticleWrite. */
@Schema(name = "ArticlePatch", description = "Any subset of the write fields; null clears a member.")
public record ArticlePatch(
        String slug, String headline, String summary, List<Block> body, String section, List<String> authors,
        List<String> tags, UUID copyrightNotice,
        @Schema(description = "Makes this change a public update with this note.", maxLength = ArticleWrite.UPDATE_NOTE_MAX, example = "Adds a statement from Ukraine's ambassador.")
        String updateNote,
        // No schema default: a merge patch carries only what changes, and a generated client would
        // otherwise send updateKind on every patch, which without updateNote is a 400.
        @Schema(enumeration = {"update", "correction"}, description = "Only with updateNote; update when absent.")
        String updateKind,
        @Schema(enumeration = {"story", "liveblog"}, description = "Turning a liveblog into a story keeps its entries "
                + "(hidden while it is a story) and ends it.") String kind,
        @Schema(description = "A liveblog only: false ends its coverage (no new entries), true resumes it.") Boolean live,
        LeadImage leadImage,
        Headlines headlines) {
}
