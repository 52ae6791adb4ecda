package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImageBlock", description = "An image with its alternative text.")
public record Image(@NotBlank @Size(max = 2000) @WebUrl String url, @NotNull @Size(max = 1000) String alt, @Size(max = 2000) String caption, @Size(max = 500) String credit) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "image", required = true)
    public String getType() {
        return "image";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Image(url, alt, caption == null ? null : s.inline(caption), credit);
    }

    @Override
    public String plainText() {
        return alt + (caption == null ? "" : " " + Sanitizer.textOf(caption));
    }
}
