package news.masthead.article.api;

import jakarta.annotation.Nullable;
import news.masthead.copyright.api.CopyrightNoticeWrite;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleCopyright")
public record CopyrightView(
        @Schema(example = "Northwind Media, Inc.", maxLength = CopyrightNoticeWrite.HOLDER_MAX) String holder,
        @Schema(example = "2026", minimum = "" + CopyrightNoticeWrite.YEAR_MIN, maximum = "" + CopyrightNoticeWrite.YEAR_MAX) int year,
        @Schema(example = "Copyright 2026 Northwind Media, Inc. All rights reserved.", maxLength = CopyrightNoticeWrite.NOTICE_MAX) String notice,
        @Schema(example = "This material may not be published, broadcast, rewritten, or redistributed.", maxLength = CopyrightNoticeWrite.USAGE_TERMS_MAX) @Nullable String usageTerms) {
}
