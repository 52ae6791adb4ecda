package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "QuoteBlock", description = "A quotation, optionally attributed.")
public record Quote(@NotBlank @Size(max = 20000) String text, @Size(max = 500) String attribution) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "quote", required = true)
    public String getType() {
        return "quote";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Quote(s.inline(text), attribution == null ? null : s.inline(attribution));
    }

    @Override
    public String plainText() {
        return Sanitizer.textOf(text) + (attribution == null ? "" : " " + Sanitizer.textOf(attribution));
    }
}
