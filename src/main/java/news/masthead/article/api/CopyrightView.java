package news.masthead.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleCopyright")
public record CopyrightView(
        @Schema(example = "Northwind Media, Inc.") String holder,
        @Schema(example = "2026") int year,
        @Schema(example = "Copyright 2026 Northwind Media, Inc. All rights reserved.") String notice,
        @Schema(example = "This material may not be published, broadcast, rewritten, or redistributed.") String usageTerms) {
}
