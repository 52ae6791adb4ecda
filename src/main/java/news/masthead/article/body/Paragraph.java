package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParagraphBlock", description = "`text` may hold inline <a href>, <em> and <strong>.")
public record Paragraph(@NotBlank @Size(max = 20000) String text) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "paragraph", required = true)
    public String getType() {
        return "paragraph";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Paragraph(s.inline(text));
    }

    @Override
    public String plainText() {
        return Sanitizer.textOf(text);
    }
}
