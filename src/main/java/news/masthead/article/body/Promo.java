package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PromoBlock", description = "A promotional line (newsletter, app); left out of syndication.")
public record Promo(@NotBlank @Size(max = 2000) String text, @Size(max = 2000) @WebUrl String url) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "promo", required = true)
    public String getType() {
        return "promo";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Promo(s.inline(text), url);
    }

    @Override
    public String plainText() {
        return Sanitizer.textOf(text);
    }
}
