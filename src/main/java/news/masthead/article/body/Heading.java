package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HeadingBlock", description = "A subheading, level 2 to 4.")
public record Heading(@NotBlank @Size(max = 500) String text, @NotNull @Min(2) @Max(4) Integer level) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "heading", required = true)
    public String getType() {
        return "heading";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Heading(s.inline(text), level);
    }

    @Override
    public String plainText() {
        return Sanitizer.textOf(text);
    }
}
